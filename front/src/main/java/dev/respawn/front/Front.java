package dev.respawn.front;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import dev.respawn.reloader.compile.CompileErrors;
import dev.respawn.reloader.options.FrontPort;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.options.OptionsException;
import dev.respawn.reloader.supervisor.SupervisorExtension;

/**
 * The supervisor's HTTP front on 127.0.0.1: forwards every request to the application's port,
 * holds requests while a reload runs, and tells the client why when no application can serve.
 * Only the supervisor loads it (and Jetty with it); workers never do.
 */
public final class Front implements SupervisorExtension {

    /** How long a request waits for the application to serve again before a 503. */
    static final Duration HOLD_BOUND = Duration.ofSeconds(60);

    private final FrontPort address;
    private final Supplier<Set<Integer>> addOnPorts;
    private final PrintStream err;
    private final Gate gate = new Gate();
    private final Server server;
    private Set<Integer> lastChoice = Set.of();

    private Front(FrontPort address, Path debugDirectory, Supplier<Set<Integer>> addOnPorts, PrintStream err,
            Duration holdBound) {
        this.address = address;
        this.addOnPorts = addOnPorts;
        this.err = err;
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("respawn-front");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(address.port());
        server.addConnector(connector);
        server.setHandler(new FrontHandler(gate, new WorkerProxy(gate), holdBound, threads,
                new StandingCompileErrors(CompileErrors.underDebugDirectory(debugDirectory))));
        server.setStopTimeout(1000);
    }

    /**
     * Listens on {@code --front-port} now, so a port in use is said before any worker starts.
     *
     * @param options the supervisor's options, with {@code --front-port}
     * @param addOnPorts the ports other add-ons make every worker listen on (never the application's)
     * @throws OptionsException when the port cannot be had
     */
    public static Front start(Options options, Supplier<Set<Integer>> addOnPorts, PrintStream err) {
        FrontPort address = options.frontPort().orElseThrow(() -> new IllegalArgumentException("no --front-port"));
        Front front = new Front(address, options.debugDirectory(), addOnPorts, err, HOLD_BOUND);
        try {
            front.server.start();
        } catch (Exception e) {
            stopQuietly(front.server);
            throw new OptionsException("--front-port " + address.port() + ": cannot listen on 127.0.0.1:"
                    + address.port() + " (" + (e instanceof IOException && e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage()) + "); choose another port");
        }
        err.println("respawn: the front listens on http://127.0.0.1:" + address.port() + "/");
        return front;
    }

    @Override
    public void reloading() {
        gate.hold();
    }

    @Override
    public void serving(Set<Integer> ports) {
        if (ports.isEmpty()) {
            gate.reopen();
            return;
        }
        Set<Integer> candidates = new TreeSet<>(ports);
        candidates.removeAll(addOnPorts.get());
        if (address.appPort().isPresent()) {
            int wanted = address.appPort().getAsInt();
            if (candidates.contains(wanted)) {
                gate.open(wanted);
            } else {
                gate.fail("the application listens on " + candidates + ", not on port " + wanted
                        + " (--front-port " + address.port() + ":" + wanted + ")");
            }
            return;
        }
        if (candidates.isEmpty()) {
            gate.fail("the application listens on no port of its own");
            return;
        }
        int chosen = candidates.iterator().next();
        if (candidates.size() > 1 && !candidates.equals(lastChoice)) {
            err.println("respawn: the application listens on " + candidates + "; the front forwards to " + chosen
                    + " (say --front-port " + address.port() + ":PORT for another)");
        }
        lastChoice = new HashSet<>(candidates);
        gate.open(chosen);
    }

    @Override
    public void notServing(String why) {
        gate.fail(why);
    }

    @Override
    public void supervisorStopping() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping anyway; only sockets to release.
        }
    }

    /** The ports of {@code extensions}, for {@link #start}. */
    public static Set<Integer> portsOf(List<SupervisorExtension> extensions) {
        Set<Integer> ports = new HashSet<>();
        extensions.forEach(extension -> ports.addAll(extension.ports()));
        return ports;
    }
}
