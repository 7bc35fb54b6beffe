package dev.respawn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.respawn.reloader.control.ControlClient;
import dev.respawn.reloader.control.ControlException;
import dev.respawn.reloader.control.ControlFile;
import dev.respawn.reloader.options.OptionsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code respawn profile --seconds N}: a profile of the running worker over the next N seconds. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile the running worker (respawn --enable-profiler) for a window; writes the same"
                + " flame graph and JFR pair under the profiles directory.")
final class ProfileCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "30",
            description = "How long to profile (default: ${DEFAULT-VALUE}).")
    private long seconds = 30;

    @Option(names = "--debug-directory", paramLabel = "DIR", defaultValue = ".respawn",
            description = "The supervisor's --debug-directory (default: ${DEFAULT-VALUE}).")
    private Path debugDirectory = Path.of(".respawn");

    @Override
    public Integer call() throws ControlException {
        if (seconds < 1 || seconds > 600) {
            throw new OptionsException("--seconds must be from 1 to 600, not " + seconds);
        }
        System.err.println("respawn: profiling the running worker for " + seconds + " s");
        ControlClient client = new ControlClient(ControlFile.directory(debugDirectory));
        try {
            String answer = client.send("profile " + seconds, Duration.ofSeconds(seconds + 30));
            System.out.println("respawn: " + answer);
            return 0;
        } catch (ControlException e) {
            if (e.getMessage().startsWith("no running worker")) {
                throw new ControlException(e.getMessage() + "; is respawn running with --enable-profiler?");
            }
            throw e;
        }
    }
}
