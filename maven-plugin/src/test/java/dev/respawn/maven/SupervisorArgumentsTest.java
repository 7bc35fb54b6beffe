package dev.respawn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;

import dev.respawn.reloader.options.OptionParser;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.options.ReloadMode;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The goal's parameters, as the supervisor's command line reads them. */
class SupervisorArgumentsTest {

    @Test
    void theDefaultsReloadCompileAndWriteUnderTargetRespawnInTheProjectDirectory() throws Exception {
        RunMojo mojo = mojo();
        set(mojo, "reloadOnChanges", true);
        set(mojo, "compileOnSave", true);
        Options options = parse(SupervisorArguments.of(mojo));
        assertThat(options.reloadOnChanges()).isTrue();
        assertThat(options.hostCompilesSources()).isTrue();
        assertThat(options.workerDirectory()).isEqualTo(Path.of("/project"));
        assertThat(options.coverageDirectory()).isEqualTo(Path.of("/project/target/respawn/coverage"));
        assertThat(options.enableCoverage()).isFalse();
    }

    @Test
    void addOnSwitchesDirectoriesAndOtherOptionsReachTheSupervisor() throws Exception {
        RunMojo mojo = mojo();
        set(mojo, "reloadOnChanges", false);
        set(mojo, "compileOnSave", true);
        set(mojo, "reloadMode", "restart");
        set(mojo, "enableCoverage", true);
        set(mojo, "coverageDirectory", new File("/elsewhere/cov"));
        set(mojo, "enableDebugger", true);
        set(mojo, "debuggerPort", 6006);
        set(mojo, "options", "--quiet-period 120 --exclude 'web/**'");
        Options options = parse(SupervisorArguments.of(mojo));
        assertThat(options.reloadOnChanges()).isFalse();
        assertThat(options.hostCompilesSources()).isFalse(); // Nothing compiles without reloading.
        assertThat(options.reloadMode()).isEqualTo(ReloadMode.RESTART);
        assertThat(options.enableCoverage()).isTrue();
        assertThat(options.coverageDirectory()).isEqualTo(Path.of("/elsewhere/cov"));
        assertThat(options.enableDebugger()).isTrue();
        assertThat(options.debuggerPort()).isEqualTo(6006);
        assertThat(options.quietPeriod().toMillis()).isEqualTo(120);
        assertThat(options.excludes()).contains("web/**");
    }

    private static RunMojo mojo() throws Exception {
        RunMojo mojo = new RunMojo();
        MavenProject project = new MavenProject();
        project.setFile(new File("/project/pom.xml"));
        set(mojo, "project", project);
        set(mojo, "debugDirectory", new File("/project/target/respawn"));
        return mojo;
    }

    private static Options parse(List<String> arguments) {
        Options options = new Options();
        new CommandLine(CommandSpec.forAnnotatedObject(options)).parseArgs(arguments.toArray(String[]::new));
        return OptionParser.validated(options);
    }

    /** As Maven injects a parameter. */
    private static void set(RunMojo mojo, String name, Object value) throws Exception {
        Field field = RunMojo.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(mojo, value);
    }
}
