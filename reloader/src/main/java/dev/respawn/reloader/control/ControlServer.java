package dev.respawn.reloader.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.respawn.reloader.loopback.Admission;
import dev.respawn.reloader.loopback.BoundedLines;

/**
 * The worker's end of the control channel: add-ons register named commands, and the first
 * registration starts a loopback listener whose port and secret go to an owner-only
 * {@link ControlFile}, removed when the JVM exits.
 *
 * <p>The listener starts on its own daemon thread, off the application's start-up path. Any
 * local user can connect, so a capped number of connections wait for their line at once (past the
 * cap, the longest-waiting one is closed), each with a bounded line and a short timeout: a client
 * that sends too much, too slowly or nothing is disconnected, while the channel goes on. Commands
 * run one at a time, which suits commands a developer types.
 */
public final class ControlServer implements Closeable {

    /** How long a client has to send its one line: respawn's own send it at once. */
    static final int READ_TIMEOUT_MILLIS = 5_000;
    /** Connections read at once; more are closed until one ends. */
    static final int MAX_CONNECTIONS = 8;

    private final Admission admission = new Admission(MAX_CONNECTIONS);
    private final Object running = new Object();
    private volatile java.util.concurrent.CountDownLatch deferred = new java.util.concurrent.CountDownLatch(0);

    private final Path directory;
    private final Consumer<String> say;
    private final Map<String, ControlCommand> commands = new TreeMap<>();
    private Thread thread;
    private Thread closeOnExit;
    private volatile ServerSocket server;
    private volatile String token;
    private volatile boolean closed;

    /**
     * @param directory where the control file goes ({@link ControlFile#directory})
     * @param say takes the one line to print when the channel cannot start
     */
    public ControlServer(Path directory, Consumer<String> say) {
        if (directory == null || say == null) {
            throw new IllegalArgumentException("'directory' and 'say' must not be null");
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.say = say;
    }

    /**
     * Opens the channel only once {@link #openDeferred()} is called: a warm worker, waiting before
     * {@code main}, must not be the newest control file that commands go to. Called before any
     * {@link #register}.
     */
    public void deferOpening() {
        deferred = new java.util.concurrent.CountDownLatch(1);
    }

    /** Lets a deferred channel open (the warm worker now runs the application). */
    public void openDeferred() {
        deferred.countDown();
    }

    /** Adds a command (a name without spaces, e.g. {@code coverage.dump}); starts the channel on the first. */
    public synchronized void register(String name, ControlCommand command) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(Character::isWhitespace) || command == null) {
            throw new IllegalArgumentException("'name' must be one word and 'command' not null, not '" + name + "'");
        }
        commands.put(name, command);
        if (thread == null && !closed) {
            thread = new Thread(this::run, "respawn-control");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        try {
            deferred.await();
        } catch (InterruptedException e) {
            return;
        }
        try {
            open();
        } catch (IllegalStateException e) {
            // The JVM began to exit before the channel opened (a worker whose main failed at once):
            // nothing could have asked it anything.
            return;
        } catch (IOException | RuntimeException e) {
            say.accept("the control channel could not start (" + e.getMessage() + "), so commands such as "
                    + "'coverage dump' cannot reach this worker; the application runs on");
            return;
        }
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                continue;
            }
            admission.enter(socket);
            Thread reader = new Thread(() -> serve(socket), "respawn-control-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            answer(socket);
        } catch (IOException | RuntimeException e) {
            // A client that sent too much, too slowly or nothing at all: it is disconnected.
        } finally {
            admission.leave(socket);
        }
    }

    private void open() throws IOException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        token = HexFormat.of().formatHex(secret);
        closeOnExit = new Thread(this::closeQuietly, "respawn-control-close");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        long pid = ProcessHandle.current().pid();
        // Announce, then listen: the supervisor, which waits for a new worker's ports to open, must
        // know this one is not the application's before it can see it listening.
        for (int attempt = 1; ; attempt++) {
            int port = unusedPort();
            new ControlFile(pid, port, token).write(directory);
            try {
                server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                return;
            } catch (java.net.BindException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** A free loopback port, found by binding a socket that never listens. */
    private static int unusedPort() throws IOException {
        try (Socket probe = new Socket()) {
            probe.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return probe.getLocalPort();
        }
    }

    private void answer(Socket socket) throws IOException {
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        String line = new BoundedLines(socket.getInputStream(), ControlProtocol.MAX_LINE).readLine();
        admission.leave(socket);
        String answer;
        if (line == null) {
            return;
        }
        String[] parts = line.split(" ", 3);
        if (!MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            answer = ControlProtocol.ERROR + "the secret did not match this worker's control file";
        } else if (parts.length < 2) {
            answer = ControlProtocol.ERROR + "no command given";
        } else {
            // A command may take long (a profile's window): the client waits as long as it said it would.
            socket.setSoTimeout(0);
            synchronized (running) {
                answer = run(parts[1], parts.length > 2 ? parts[2] : "");
            }
        }
        OutputStream out = socket.getOutputStream();
        out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String run(String name, String argument) {
        ControlCommand command;
        synchronized (this) {
            command = commands.get(name);
        }
        if (command == null) {
            return ControlProtocol.ERROR + "this worker has no command '" + name + "' (it has: "
                    + String.join(", ", commandNames()) + ")";
        }
        try {
            return ControlProtocol.OK + ControlProtocol.oneLine(command.run(argument));
        } catch (Exception | LinkageError e) {
            return ControlProtocol.ERROR + ControlProtocol.oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private synchronized Iterable<String> commandNames() {
        return java.util.List.copyOf(commands.keySet());
    }

    /** The control file this server wrote (for tests and messages). */
    Path file() {
        return ControlFile.of(directory, ProcessHandle.current().pid());
    }

    /** Stops listening and removes the control file. */
    @Override
    public void close() {
        Thread hook;
        synchronized (this) {
            hook = closeOnExit;
        }
        closeQuietly();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs anyway.
            }
        }
    }

    /** Also on the way out of the JVM: an accept() left blocked would hold up its exit. */
    private void closeQuietly() {
        closed = true;
        try {
            ServerSocket listening = server;
            if (listening != null) {
                listening.close();
            }
            Files.deleteIfExists(file());
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
