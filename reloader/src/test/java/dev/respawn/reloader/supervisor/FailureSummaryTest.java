package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FailureSummaryTest {

    @Test
    void quotesTheApplicationsExceptionAndFrameNotRespawns() {
        List<String> tail = List.of(
                "respawn: faster starts: -XX:TieredStopAtLevel=1 for C1 only (--no-c1-only turns it off)",
                "Exception in thread \"main\" java.lang.reflect.InvocationTargetException",
                "at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:118)",
                "at dev.respawn.reloader.restart.Life.runHere(Life.java:120)",
                "at dev.respawn.reloader.restart.Restarter.start(Restarter.java:88)",
                "Caused by: java.lang.IllegalStateException: broken on purpose",
                "at com.example.Greeting.message(Greeting.java:14)",
                "at com.example.HelloServer.main(HelloServer.java:33)",
                "... 4 more",
                "respawn: the application ended");
        assertThat(FailureSummary.of(tail, 3))
                .isEqualTo("IllegalStateException: broken on purpose at Greeting.message(Greeting.java:14)");
    }

    @Test
    void anExceptionThrownInsideTheJdkNamesTheFirstApplicationFrame() {
        List<String> tail = List.of(
                "Exception in thread \"main\" java.net.BindException: Address already in use",
                "at java.base/sun.nio.ch.Net.bind0(Native Method)",
                "at jdk.httpserver/sun.net.httpserver.ServerImpl.<init>(ServerImpl.java:140)",
                "at dev.respawn.reloader.restart.Life.runHere(Life.java:120)",
                "at dev.respawn.examples.hello.Main.main(Main.java:9)");
        assertThat(FailureSummary.of(tail, 3)).isEqualTo("BindException: Address already in use at Main.main(Main.java:9)");
    }

    @Test
    void aFrameOfALifesClassLoaderNamesItsClass() {
        List<String> tail = List.of(
                "Exception in thread \"main\" java.lang.IllegalStateException: broken on purpose",
                "\tat respawn-life-2//dev.respawn.examples.hello.HelloServer.main(HelloServer.java:35)",
                "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
                "\tat dev.respawn.reloader.restart.Life.runHere(Life.java:84)");
        assertThat(FailureSummary.of(tail, 3))
                .isEqualTo("IllegalStateException: broken on purpose at HelloServer.main(HelloServer.java:35)");
    }

    @Test
    void withoutAnExceptionTheLastLinesThatAreNotRespawns() {
        assertThat(FailureSummary.of(List.of("respawn: worker pid 4 up", "config missing", "giving up",
                "respawn: the agent says bye"), 3)).isEqualTo("last output: config missing | giving up");
        assertThat(FailureSummary.of(List.of("respawn: only ours"), 3)).isEqualTo("it printed nothing");
    }
}
