package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFlagsTest {

    @TempDir
    Path directory;

    private UserFlags flags(Map<String, String> environment, String... command) {
        return UserFlags.of(JavaCommandLine.parse(List.of(command)), environment, directory);
    }

    @Test
    void findsTheUsersChoiceOfCompilersOnTheCommandLine() {
        assertThat(flags(Map.of(), "java", "-XX:TieredStopAtLevel=4", "-cp", "x", "Main").compiler())
                .contains("-XX:TieredStopAtLevel=4");
        assertThat(flags(Map.of(), "java", "-XX:-TieredCompilation", "Main").compiler()).contains("-XX:-TieredCompilation");
        assertThat(flags(Map.of(), "java", "-Xint", "Main").compiler()).contains("-Xint");
        assertThat(flags(Map.of(), "java", "-Xmx1g", "-cp", "x", "Main").compiler()).isEmpty();
    }

    @Test
    void anApplicationsOwnArgumentsAreNotJvmOptions() {
        assertThat(flags(Map.of(), "java", "-cp", "x", "Main", "-XX:TieredStopAtLevel=4", "-Xshare:off").compiler()).isEmpty();
        assertThat(flags(Map.of(), "java", "-cp", "x", "Main", "-Xshare:off").sharing()).isEmpty();
    }

    @Test
    void findsTheUsersChoiceOfSharing() {
        assertThat(flags(Map.of(), "java", "-Xshare:off", "Main").sharing()).contains("-Xshare:off");
        assertThat(flags(Map.of(), "java", "-XX:SharedArchiveFile=app.jsa", "Main").sharing())
                .contains("-XX:SharedArchiveFile=app.jsa");
        assertThat(flags(Map.of(), "java", "-XX:AOTCache=app.aot", "Main").sharing()).contains("-XX:AOTCache=app.aot");
    }

    @Test
    void readsTheEnvironmentTheJvmAndLauncherRead() {
        assertThat(flags(Map.of("JAVA_TOOL_OPTIONS", "-Dx=1  -XX:TieredStopAtLevel=3"), "java", "Main").compiler())
                .contains("-XX:TieredStopAtLevel=3");
        assertThat(flags(Map.of("JDK_JAVA_OPTIONS", "-Xshare:off"), "java", "Main").sharing()).contains("-Xshare:off");
    }

    @Test
    void readsArgumentFiles() throws Exception {
        Files.writeString(directory.resolve("jvm.options"), "-Xmx1g\n-XX:TieredStopAtLevel=4\n");
        assertThat(flags(Map.of(), "java", "@jvm.options", "Main").compiler()).contains("-XX:TieredStopAtLevel=4");
        assertThat(flags(Map.of(), "java", "@missing.options", "Main").compiler()).isEmpty();
    }

    @Test
    void keepsTheOptionsAnArchiveMustBeMadeWith() {
        assertThat(flags(Map.of(), "java", "-Xmx40g", "-Dx=1", "-XX:+UseZGC", "-Xss1m", "--enable-preview",
                "-XX:-UseCompressedOops", "--add-modules", "java.sql", "--add-modules=jdk.jfr", "-cp", "x", "Main")
                .archiveRelevant()).containsExactly("-Xmx40g", "-XX:+UseZGC", "--enable-preview",
                "-XX:-UseCompressedOops", "--add-modules=java.sql", "--add-modules=jdk.jfr");
    }
}
