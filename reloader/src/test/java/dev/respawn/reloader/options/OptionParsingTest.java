package dev.respawn.reloader.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** The command line (picocli) and the agent string read the same options to the same values. */
class OptionParsingTest {

    private static Options fromCommandLine(String... arguments) {
        Options options = new Options();
        new CommandLine(CommandSpec.forAnnotatedObject(options)).parseArgs(arguments);
        return OptionParser.validated(options);
    }

    /** What picocli matched, turned into an agent string, parsed by the agent. */
    private static Options roundTrip(String... arguments) {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(CommandSpec.forAnnotatedObject(options));
        List<OptionSpec> matched = commandLine.parseArgs(arguments).matchedOptions();
        return Options.fromAgentString(OptionParser.toAgentString(matched));
    }

    private static List<Object> values(Options options) throws IllegalAccessException {
        List<Object> values = new ArrayList<>();
        for (Field field : AgentStringParser.fields().values()) {
            values.add(field.getName() + "=" + field.get(options));
        }
        return values;
    }

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of(),
                List.of("--reload-on-changes", "--poll", "--quiet-period", "120", "--shutdown-timeout=9"),
                List.of("--watch", "conf", "--watch", "a:b", "--exclude", "*.css", "--source-path", "src/x"),
                List.of("--debug-mode", "--debug-directory", "/tmp/d", "--reload-mode", "in-jvm"),
                List.of("--capture-exceptions", "--app-packages", "com.a,com.b", "--capture-locals",
                        "--exceptions-directory", "ex"),
                List.of("--enable-debugger", "--debugger-port", "6006", "--debugger-suspend"),
                List.of("--enable-profiler", "--profiler-event", "wall", "--profiler-interval", "5ms",
                        "--profile-requests", "--profiler-directory", "p"),
                List.of("--enable-coverage", "--coverage-includes", "com.a.*", "--coverage-excludes", "*Test",
                        "--coverage-directory", "c"),
                List.of("--enable-recorder", "--recorder-body-limit", "10", "--recorder-redact", "X-Token",
                        "--recorder-keep-secrets", "--recorder-directory", "r"),
                List.of("--no-c1-only", "--no-class-data-sharing", "--no-warm-jvm", "--keep-lives", "7"),
                List.of("--compile-on-save", "--source-path", "src"));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void theAgentStringCarriesWhatTheCommandLineSaid(List<String> arguments) throws Exception {
        String[] args = arguments.toArray(String[]::new);
        assertThat(values(roundTrip(args))).isEqualTo(values(fromCommandLine(args)));
    }

    @Test
    void everyOptionIsNamedAfterItsField() {
        List<String> names = CommandSpec.forAnnotatedObject(new Options()).options().stream()
                .map(OptionSpec::longestName).map(name -> name.substring(2)).sorted().toList();
        assertThat(names).containsExactlyElementsOf(AgentStringParser.fields().keySet());
    }

    @Test
    void readsTheAgentSyntax() {
        Options options = Options.fromAgentString("reload-on-changes, watch=conf:static ,quiet-period=75,"
                + "app-packages=com.a:com.b,coverage-directory=/tmp/cov");
        assertThat(options.reloadOnChanges()).isTrue();
        assertThat(options.watch()).containsExactly(Path.of("conf"), Path.of("static"));
        assertThat(options.quietPeriod().toMillis()).isEqualTo(75);
        assertThat(options.appPackages()).containsExactly("com.a", "com.b");
        assertThat(options.coverageDirectory()).isEqualTo(Path.of("/tmp/cov"));
        assertThat(options.enableCoverage()).isFalse();
    }

    @Test
    void compilingOnSaveReloadsWhatItCompiled() {
        Options options = Options.fromAgentString("compile-on-save");
        assertThat(options.compileOnSave()).isTrue();
        assertThat(options.reloadOnChanges()).isTrue();
        assertThat(Options.defaults().compileOnSave()).isFalse();
    }

    @Test
    void resolvesAddOnDirectoriesUnderTheDebugDirectory() {
        Options options = Options.fromAgentString("debug-mode,debug-directory=/w/.dbg,profiler-directory=/p");
        assertThat(options.enableCoverage()).isTrue();
        assertThat(options.coverageDirectory()).isEqualTo(Path.of("/w/.dbg/coverage"));
        assertThat(options.recorderDirectory()).isEqualTo(Path.of("/w/.dbg/recordings"));
        assertThat(options.profilerDirectory()).isEqualTo(Path.of("/p"));
    }

    @Test
    void anUnknownAgentOptionNamesItAndTheValidOnes() {
        assertThatThrownBy(() -> Options.fromAgentString("reload-on-change"))
                .isInstanceOf(OptionsException.class)
                .hasMessageStartingWith("unknown option 'reload-on-change'; valid options: ")
                .hasMessageContaining("reload-on-changes")
                .hasMessageContaining("quiet-period");
    }

    @Test
    void badAgentValuesSayWhatIsAccepted() {
        assertThatThrownBy(() -> Options.fromAgentString("quiet-period=soon"))
                .hasMessage("option 'quiet-period' takes a whole number, not 'soon'");
        assertThatThrownBy(() -> Options.fromAgentString("reload-mode=fast"))
                .hasMessageContaining("auto, hotswap, in-jvm, restart");
        assertThatThrownBy(() -> Options.fromAgentString("poll=maybe")).hasMessageContaining("is a switch");
        assertThatThrownBy(() -> Options.fromAgentString("watch")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.fromAgentString("profiler-event=gpu")).hasMessageContaining("cpu, perf, wall");
        assertThatThrownBy(() -> Options.fromAgentString("debugger-port=70000")).hasMessageContaining("65535");
        // Range-checked where they are read, so no overflow reaches a Duration at SIGTERM.
        assertThatThrownBy(() -> Options.fromAgentString("shutdown-timeout=99999999999"))
                .isInstanceOf(OptionsException.class).hasMessageContaining("--shutdown-timeout").hasMessageContaining("3600");
        assertThatThrownBy(() -> Options.fromAgentString("quiet-period=99999999999")).hasMessageContaining("60000");
        assertThatThrownBy(() -> Options.fromAgentString("keep-lives=0")).hasMessageContaining("--keep-lives");
        assertThatThrownBy(() -> Options.fromAgentString("exclude=[")).hasMessageContaining("is not a glob");
        assertThatThrownBy(() -> Options.fromAgentString("profiler-interval=xyz")).hasMessageContaining("10ms");
        assertThat(Options.fromAgentString("profiler-interval=500us,keep-lives=3").keepLives()).isEqualTo(3);
    }

    @Test
    void aCommandLineMistakeIsOneLineWithASuggestion() {
        CommandLine commandLine = new CommandLine(CommandSpec.forAnnotatedObject(new Options()));
        ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(ParameterException.class,
                () -> commandLine.parseArgs("--relod-on-changes"));
        String line = OptionParser.oneLine(e, false);
        assertThat(line).doesNotContain("\n")
                .startsWith("unknown option '--relod-on-changes' (did you mean --reload-on-changes?)")
                .contains("valid options: ").contains("--quiet-period");
    }

    @Test
    void aCommaInAValueCannotTravelInTheAgentString() {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(CommandSpec.forAnnotatedObject(options));
        List<OptionSpec> matched = commandLine.parseArgs("--coverage-includes", "a,b").matchedOptions();
        assertThatThrownBy(() -> OptionParser.toAgentString(matched)).hasMessageContaining("holds a comma");
    }

    @Test
    void aHostsHiddenOptionsStayOutOfTheAgentStringAndTheListOfValidOptions() {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(CommandSpec.forAnnotatedObject(options));
        List<OptionSpec> matched = commandLine.parseArgs("--reload-on-changes", "--host-compiles-sources",
                "--worker-directory", "/a,b/project").matchedOptions();
        assertThat(OptionParser.toAgentString(matched)).isEqualTo("reload-on-changes");
        assertThat(options.hostCompilesSources()).isTrue();
        assertThat(options.workerDirectory()).isEqualTo(Path.of("/a,b/project"));
        assertThat(Options.defaults().workerDirectory()).isEqualTo(Path.of("").toAbsolutePath());

        ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(ParameterException.class,
                () -> new CommandLine(CommandSpec.forAnnotatedObject(new Options())).parseArgs("--nope"));
        assertThat(OptionParser.oneLine(e, false)).doesNotContain("--worker-directory", "--host-compiles-sources");
    }
}
