package dev.respawn.debugger;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.respawn.reloader.options.OptionsException;
import dev.respawn.reloader.supervisor.SupervisorExtension;

/**
 * The debugger add-on, on the supervisor's side: every worker listens for a debugger (JDWP) on
 * the same loopback port, so an IDE reconnects to each new worker where it found the last one.
 *
 * <p>The port is never changed behind the user's back: a port taken by another process is an
 * error at the first start, and a restart waits for the old worker to let go of it.
 */
public final class DebuggerPort implements SupervisorExtension {

    /** How long a new worker waits for the old one's port before it starts anyway (and fails to bind). */
    static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);

    private final LoopbackPort port;
    private final boolean suspend;
    private final PrintStream terminal;
    private boolean announced;

    /**
     * @param port the JDWP port on 127.0.0.1
     * @param suspend whether each worker waits for a debugger before {@code main}
     * @param terminal where the supervisor's own lines go
     */
    public DebuggerPort(int port, boolean suspend, PrintStream terminal) {
        if (terminal == null) {
            throw new IllegalArgumentException("'terminal' must not be null");
        }
        this.port = new LoopbackPort(port);
        this.suspend = suspend;
        this.terminal = terminal;
    }

    /**
     * Fails with a one-line message when another process holds the port before any worker ran:
     * no worker of ours could have it, and waiting would only hide the mistake.
     */
    public void checkAvailable() {
        if (!port.isFree()) {
            throw new OptionsException("--debugger-port " + port.number() + " is in use by another process;"
                    + " choose another with --debugger-port");
        }
    }

    @Override
    public List<String> jvmArguments() {
        // Loopback only: JDWP lets whoever connects run any code in the worker.
        return List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=" + (suspend ? "y" : "n")
                + ",address=" + address());
    }

    @Override
    public Set<Integer> ports() {
        return Set.of(port.number());
    }

    @Override
    public void beforeStart() {
        if (!port.awaitFree(RELEASE_TIMEOUT)) {
            terminal.println("respawn: debugger port " + port.number() + " is still in use "
                    + RELEASE_TIMEOUT.toSeconds() + " s after the last worker stopped; the new worker cannot"
                    + " listen on it (find the process with: ss -ltnp 'sport = :" + port.number() + "')");
        }
    }

    @Override
    public void started(long pid) {
        if (!announced) {
            announced = true;
            terminal.println("respawn: debugger on " + address() + " for every worker: jdb -attach " + address()
                    + ", or your IDE's Remote JVM Debug (attach, host 127.0.0.1, port " + port.number() + ")");
        }
        if (suspend) {
            terminal.println("respawn: worker pid " + pid + " waits for a debugger on " + address()
                    + " before it runs (--debugger-suspend)");
        }
    }

    private String address() {
        return "127.0.0.1:" + port.number();
    }
}
