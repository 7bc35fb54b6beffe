package dev.respawn.reloader.supervisor;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.respawn.reloader.channel.InJvmRestart;
import dev.respawn.reloader.channel.ReportServer;

/**
 * Asks a worker's agent to restart the application inside its JVM, and remembers the first time
 * that cannot be done: from then on every restart is a process restart, said once, with why.
 */
final class InJvmRestarts {

    private final ReportServer reports;
    private final Console console;
    private final Duration patience;
    private String off;

    InJvmRestarts(ReportServer reports, Console console, Duration shutdownTimeout) {
        this.reports = reports;
        this.console = console;
        this.patience = shutdownTimeout.plusSeconds(10);
    }

    /** What a new worker's environment needs: in-JVM restarts switched off once they failed. */
    Map<String, String> environment() {
        return off == null ? Map.of() : Map.of(InJvmRestart.SWITCH_VARIABLE, "off");
    }

    /** Restarts the application inside {@code worker}; why not when it could not (and a process restart must follow). */
    Optional<String> restart(Worker worker) {
        if (off != null) {
            return Optional.of("off since an earlier failure");
        }
        Optional<String> failed = reports.link(worker.pid())
                .map(link -> AgentAnswers.await(link.restartInJvm(), patience))
                .orElse(Optional.of("the worker's agent is not connected"));
        if (failed.isEmpty()) {
            return failed;
        }
        off = failed.get();
        console.say("cannot restart inside the JVM: " + off + "; restarting the JVM instead, now and on later changes");
        return failed;
    }
}
