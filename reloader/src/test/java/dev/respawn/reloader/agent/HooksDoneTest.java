package dev.respawn.reloader.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HooksDoneTest {

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }

    @Test
    void haltingIsPastTheHooksRunningThemIsNot() {
        StackTraceElement exit = frame("java.lang.Shutdown", "exit");
        assertThat(HooksDone.pastHooks(new StackTraceElement[] {frame("java.lang.Thread", "join"),
                frame("java.lang.ApplicationShutdownHooks", "runHooks"), frame("java.lang.Shutdown", "runHooks"), exit}))
                .isFalse();
        assertThat(HooksDone.pastHooks(new StackTraceElement[] {frame("java.io.DeleteOnExitHook", "runHooks"),
                frame("java.lang.Shutdown", "runHooks"), exit})).isFalse();
        assertThat(HooksDone.pastHooks(new StackTraceElement[] {frame("java.lang.Shutdown", "halt0"),
                frame("java.lang.Shutdown", "halt"), exit})).isTrue();
    }

    @Test
    void awaitsEveryOtherHookThoughStartedLater() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            ended.set(true);
        });
        Thread starter = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            late.start();
        });
        starter.start();
        HooksDone.awaitOthers(java.util.Set.of(late, Thread.currentThread()));
        assertThat(ended).as("a hook not yet started when the wait began is awaited to its end").isTrue();
    }

    @Test
    void aJvmThatWritesAsItDiesIsLeftToExit() {
        assertThat(HooksDone.writesAsItDies(java.util.List.of("-XX:TieredStopAtLevel=1",
                "-agentlib:jdwp=transport=dt_socket,server=y", "-javaagent:respawn.jar"))).isFalse();
        assertThat(HooksDone.writesAsItDies(java.util.List.of("-XX:DumpLoadedClassList=x.classlist"))).isTrue();
        assertThat(HooksDone.writesAsItDies(java.util.List.of("-XX:ArchiveClassesAtExit=x.jsa"))).isTrue();
        assertThat(HooksDone.writesAsItDies(java.util.List.of("-XX:AOTCacheOutput=x.aot"))).isTrue();
        assertThat(HooksDone.writesAsItDies(java.util.List.of("-agentpath:/x/libasyncProfiler.so=start"))).isTrue();
        assertThat(HooksDone.writesAsItDies(java.util.List.of("-XX:SharedArchiveFile=x.jsa"))).isFalse();
    }
}
