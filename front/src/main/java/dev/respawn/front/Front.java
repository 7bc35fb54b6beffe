package dev.respawn.front;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

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
    /** How long a connection, to the client or to the application, may sit with nothing sent. */
    static final Duration IDLE = Duration.ofMinutes(5);
    /**
     * How long a restart waits for the answers to requests already forwarded before it stops the
     * worker: enough for a page or an API call under development; a long poll is cut after it.
     */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(2);

    private final FrontPort address;
    private final Supplier<Set<Integer>> addOnPorts;
    private final PrintStream err;
    private final Gate gate = new Gate();
    private final FrontStatus status = new FrontStatus(Clock.systemDefaultZone());
    private final ReloadEvents reloadEvents = new ReloadEvents();
    private final InFlight inFlight = new InFlight();
    private boolean saidCut;
    private final Server server;
    private final WebSockets webSockets;
    private Set<Integer> lastChoice = Set.of();
    private Integer servingPort;
    private String lastWhy = "";
    private boolean started;

    private Front(Options options, FrontPort address, Supplier<Set<Integer>> addOnPorts, PrintStream err,
            Duration holdBound) {
        this.address = address;
        this.addOnPorts = addOnPorts;
        this.err = err;
        FrontThreads threads = new FrontThreads();
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new FrontConnector(server, new FrontConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(address.port());
        // Long polls and event streams of an application under development may pause for minutes.
        connector.setIdleTimeout(IDLE.toMillis());
        server.addConnector(connector);
        Answers answers = new Answers(options.browserReload());
        webSockets = new WebSockets(server, gate, answers);
        List<Handler> routes = new ArrayList<>();
        DebugRoutes.Folders folders = DebugRoutes.Folders.of(options);
        List<String> ownPaths = new ArrayList<>(List.of(DebugRoutes.PREFIX));
        options.urlAliases().forEach(alias -> ownPaths.add(alias.urlPath()));
        List<Handler> own = new ArrayList<>();
        own.add(DebugRoutes.of(server, status, folders, reloadEvents, options.browserReload()));
        own.addAll(StaticFolders.of(server, options.urlAliases(), options.workerDirectory()));
        routes.add(new OffSelector(new Handler.Sequence(own), ownPaths, threads));
        routes.add(new FrontHandler(gate, new WorkerProxy(gate, answers, threads), holdBound, threads,
                new StandingCompileErrors(CompileErrors.underDebugDirectory(options.debugDirectory())), answers,
                options.browserReload(), folders.exceptions(), inFlight).webSockets(webSockets));
        server.setHandler(new Handler.Sequence(routes));
        server.setStopTimeout(1000);
    }

    /**
     * Listens on {@code --front-port} now, so a port in use is said before any worker starts.
     *
     * @param options the supervisor's options, with {@code --front-port}
     * @param addOnPorts the ports other add-ons make every worker listen on (never the application's)
     * @throws OptionsException when the port cannot be had, or an alias names no folder
     */
    public static Front start(Options options, Supplier<Set<Integer>> addOnPorts, PrintStream err) {
        FrontPort address = options.frontPort().orElseThrow(() -> new IllegalArgumentException("no --front-port"));
        Front front = new Front(options, address, addOnPorts, err, HOLD_BOUND);
        try {
            front.server.start();
        } catch (Exception e) {
            stopQuietly(front.server);
            throw new OptionsException("--front-port " + address.port() + ": cannot listen on 127.0.0.1:"
                    + address.port() + " (" + (e instanceof IOException && e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage()) + "); choose another port");
        }
        err.println("respawn: the front listens on http://127.0.0.1:" + address.port() + "/ (debug output: http://127.0.0.1:"
                + address.port() + "/_respawn/)");
        return front;
    }

    @Override
    public synchronized void reloading() {
        gate.hold();
        status.reloading();
    }

    /**
     * Requests are held since {@link #reloading}; those already forwarded get their answers before
     * the worker stops, unless one takes longer than {@link #ANSWER_BOUND} (said once: a long poll
     * would be cut at every restart).
     */
    @Override
    public void beforeStop() {
        int cut;
        try {
            cut = inFlight.awaitAnswered(ANSWER_BOUND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            if (cut > 0 && !saidCut) {
                saidCut = true;
                err.println("respawn: the front cuts " + cut + (cut == 1 ? " request" : " requests")
                        + " the application had not answered " + ANSWER_BOUND.toSeconds() + " s after the restart began"
                        + " (a long poll, say); later restarts cut such requests without saying so");
            }
        }
    }

    @Override
    public synchronized void serving(Set<Integer> ports) {
        if (ports.isEmpty()) {
            // A hot swap: the application kept its ports.
            gate.reopen();
            if (servingPort != null) {
                status.serving(servingPort);
            } else {
                status.notServing(lastWhy);
            }
            reloaded();
            return;
        }
        Set<Integer> candidates = new TreeSet<>(ports);
        candidates.removeAll(addOnPorts.get());
        if (address.appPort().isPresent()) {
            int wanted = address.appPort().getAsInt();
            if (candidates.contains(wanted)) {
                open(wanted);
            } else {
                notServing("the application listens on " + candidates + ", not on port " + wanted
                        + " (--front-port " + address.port() + ":" + wanted + ")");
            }
            return;
        }
        if (candidates.isEmpty()) {
            notServing("the application listens on no port of its own");
            return;
        }
        int chosen = candidates.iterator().next();
        if (candidates.size() > 1 && !candidates.equals(lastChoice)) {
            err.println("respawn: the application listens on " + candidates + "; the front forwards to " + chosen
                    + " (say --front-port " + address.port() + ":PORT for another)");
        }
        lastChoice = new HashSet<>(candidates);
        open(chosen);
    }

    private void open(int port) {
        servingPort = port;
        // A start or a restart (not a hot swap): WebSockets to the code it replaced are closed.
        webSockets.restarted(gate.reloads());
        gate.open(port);
        status.serving(port);
        reloaded();
    }

    @Override
    public synchronized void notServing(String why) {
        servingPort = null;
        lastWhy = why;
        gate.fail(why);
        status.notServing(why);
        reloaded();
    }

    /** Open pages reload (--browser-reload), except at the first start, which they cannot have seen. */
    private void reloaded() {
        if (started) {
            reloadEvents.reloaded();
        }
        started = true;
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
