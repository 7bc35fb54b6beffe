package dev.respawn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.respawn.reloader.control.ControlClient;
import dev.respawn.reloader.control.ControlException;
import dev.respawn.reloader.control.ControlFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code respawn status}: the running worker's application lives, and whether dropped ones stay in memory. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Say how many times the running worker restarted the application inside its JVM, and"
                + " how many of the dropped class loaders a full GC could not collect (a leak).")
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--debug-directory", paramLabel = "DIR", defaultValue = ".respawn",
            description = "The supervisor's --debug-directory (default: ${DEFAULT-VALUE}).")
    private Path debugDirectory = Path.of(".respawn");

    @Override
    public Integer call() throws ControlException {
        try {
            String answer = new ControlClient(ControlFile.directory(debugDirectory)).send("status", Duration.ofSeconds(30));
            System.out.println("respawn: " + answer);
            return 0;
        } catch (ControlException e) {
            if (e.getMessage().startsWith("no running worker")) {
                throw new ControlException(e.getMessage() + "; is respawn running a worker here, with the same"
                        + " --debug-directory?");
            }
            throw e;
        }
    }
}
