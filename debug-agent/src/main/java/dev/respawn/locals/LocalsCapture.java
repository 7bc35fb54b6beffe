package dev.respawn.locals;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.respawn.reloader.supervisor.SupervisorExtension;

/**
 * {@code --capture-locals} on the supervisor's side: each worker gets JDWP on a loopback port of
 * its own, and a {@link LocalsSession} attaches to it to read the local variables of application
 * frames at every throw. The worker's one JDWP connection is then taken, so no debugger can
 * attach at the same time.
 */
public final class LocalsCapture implements SupervisorExtension {

    private final List<String> appPackages;
    private final Path exceptionsDirectory;
    private final PrintStream terminal;
    private volatile int port;

    /**
     * @param appPackages {@code --app-packages}; empty for "every class outside the JDK and respawn"
     * @param exceptionsDirectory where the agent writes reports (the supervisor runs in the worker's directory)
     */
    public LocalsCapture(List<String> appPackages, Path exceptionsDirectory, PrintStream terminal) {
        if (appPackages == null || exceptionsDirectory == null || terminal == null) {
            throw new IllegalArgumentException("'appPackages', 'exceptionsDirectory' and 'terminal' must be given");
        }
        this.appPackages = List.copyOf(appPackages);
        this.exceptionsDirectory = exceptionsDirectory.toAbsolutePath().normalize();
        this.terminal = terminal;
    }

    @Override
    public void beforeStart() {
        port = freeLoopbackPort();
    }

    @Override
    public List<String> jvmArguments() {
        return List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,quiet=y,address=127.0.0.1:" + port);
    }

    @Override
    public Set<Integer> ports() {
        return Set.of(port);
    }

    @Override
    public void started(long pid) {
        Thread session = new Thread(new LocalsSession(port, pid, appPackages, exceptionsDirectory, terminal),
                "respawn-locals-" + pid);
        session.setDaemon(true);
        session.start();
    }

    /** What the worker's threads left unreported (exceptions caught inside the application) goes with it. */
    @Override
    public void stopped(long pid, int exitCode) {
        Path directory = exceptionsDirectory.resolve(".locals");
        try (var files = java.nio.file.Files.list(directory)) {
            for (Path file : files.toList()) {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Nothing there, or nothing we may remove: the next worker's threads overwrite their own.
        }
    }

    /** A port for this worker alone: it is respawn's, never the user's, so it may change with every start. */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for --capture-locals: " + e.getMessage(), e);
        }
    }
}
