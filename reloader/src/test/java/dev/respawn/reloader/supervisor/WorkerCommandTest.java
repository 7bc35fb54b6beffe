package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkerCommandTest {

    private final Path jar = Path.of("/opt/respawn.jar");

    @Test
    void insertsTheAgentRightAfterJava() {
        WorkerCommand.Prepared prepared = WorkerCommand.prepare(List.of("/usr/bin/java", "-cp", "x", "Main"), jar,
                "reload-on-changes", List.of("-Xdebug"), Map.of("RESPAWN", "1"), Map.of());
        assertThat(prepared.command()).containsExactly("/usr/bin/java", "-javaagent:/opt/respawn.jar=reload-on-changes",
                "-Xdebug", "-cp", "x", "Main");
        assertThat(prepared.environment()).containsEntry("RESPAWN", "1").doesNotContainKey("JAVA_TOOL_OPTIONS");
    }

    @Test
    void givesAScriptTheAgentThroughJavaToolOptions() {
        WorkerCommand.Prepared prepared = WorkerCommand.prepare(List.of("./gradlew", "run"), jar, "",
                List.of("-Dx=a b"), Map.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"));
        assertThat(prepared.command()).containsExactly("./gradlew", "run");
        assertThat(prepared.environment().get("JAVA_TOOL_OPTIONS"))
                .isEqualTo("-Xmx1g -javaagent:/opt/respawn.jar \"-Dx=a b\"");
    }

    @Test
    void knowsJavaByItsFileName() {
        assertThat(WorkerCommand.isJava("java")).isTrue();
        assertThat(WorkerCommand.isJava("/usr/lib/jvm/temurin-25/bin/java")).isTrue();
        assertThat(WorkerCommand.isJava("javac")).isFalse();
        assertThat(WorkerCommand.isJava("mvn")).isFalse();
    }
}
