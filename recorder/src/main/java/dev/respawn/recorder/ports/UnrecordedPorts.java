package dev.respawn.recorder.ports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.respawn.recorder.capture.Recorder;
import dev.respawn.reloader.agent.AtGo;
import dev.respawn.reloader.ports.ListeningPorts;
import dev.respawn.reloader.ports.TcpTable;

/**
 * Says, once per port, when clients connect to a port this JVM listens on while the
 * recorder sees no request there: the application serves it through something the recorder
 * does not know, and a silent empty recording would mislead. Linux only (it reads /proc).
 */
public final class UnrecordedPorts implements Runnable {

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final List<String> TABLES = List.of("/proc/self/net/tcp", "/proc/self/net/tcp6");
    private static final String LISTEN = "0A";
    private static final String ESTABLISHED = "01";
    private static final String SYN_RECV = "03";
    /**
     * Once every port of ours is accounted for, only every this many polls looks for new ones:
     * the tables cover the whole machine's sockets, and reading them costs more than a busy
     * server's other work of two seconds on a machine with many.
     */
    static final int SETTLED_EVERY = 5;

    private final Recorder recorder;
    private final Supplier<Set<Integer>> respawnPorts;
    private Set<Integer> ignored = Set.of();
    private final Consumer<String> say;
    private final Set<Integer> said = new HashSet<>();
    private Set<Integer> suspects = Set.of();
    private Set<Integer> machine;
    private Set<Integer> ours = Set.of();
    private boolean settled;
    private int polls;
    /**
     * The machine's connections as this life of the application began: none of them is a client
     * of it. After a process restart the old worker's connections to the same port linger for a
     * minute (TIME_WAIT on its side, CLOSE_WAIT on a client's that has not noticed), and the
     * tables do not say which process they were of.
     */
    private final Set<String> before;

    /** Made as the application begins (at {@code go} in a warm worker): what is connected then is not its clients. */
    UnrecordedPorts(Recorder recorder, Supplier<Set<Integer>> respawnPorts, Consumer<String> say) {
        this.recorder = recorder;
        this.respawnPorts = respawnPorts;
        this.say = say;
        this.before = connections();
    }

    /**
     * Starts watching, where the system lets it.
     *
     * @param respawnPorts the ports of respawn's own in this JVM (the control channel's, the debugger's)
     */
    public static void watch(Recorder recorder, Supplier<Set<Integer>> respawnPorts, Consumer<String> say) {
        if (ListeningPorts.supported()) {
            // Not before go: a warm worker waits while the worker before it still serves the port.
            // Made on its own thread: reading the machine's TCP tables took 10 ms and more of a
            // debug-mode start's path to main.
            AtGo.run(() -> {
                Thread watcher = new Thread(() -> new UnrecordedPorts(recorder, respawnPorts, say).run(),
                        "respawn-recorder-ports");
                watcher.setDaemon(true);
                watcher.start();
            });
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Thread.sleep(POLL.toMillis());
                poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Seeing less is no reason to disturb the application.
        }
    }

    /**
     * A port is said once it had connections in two polls in a row with no request recorded on
     * it: a request that arrived would have begun an exchange by then. (Connections, not bytes:
     * the JVM's own sockets give no other sign of HTTP without touching every server.)
     */
    void poll() {
        if (settled && ++polls % SETTLED_EVERY != 0) {
            return;
        }
        Set<Integer> all = ListeningPorts.all();
        if (!all.equals(machine)) { // our own sockets only when something listens anew: reading them costs more
            machine = all;
            ours = ListeningPorts.ownedBy(List.of(ProcessHandle.current()));
            ignored = respawnPorts.get();
        }
        Set<Integer> served = recorder.servedPorts();
        Set<Integer> unsure = new HashSet<>();
        for (int port : ours) {
            if (!served.contains(port) && !ignored.contains(port) && !said.contains(port)) {
                unsure.add(port);
            }
        }
        settled = !ours.isEmpty() && unsure.isEmpty();
        if (settled) {
            suspects = Set.of();
            return;
        }
        Set<Integer> now = connected(unsure, before);
        for (int port : now) {
            if (suspects.contains(port)) {
                said.add(port);
                say.accept("clients connect to port " + port + " but the recorder sees no request there: if it"
                        + " serves HTTP, its server is not one the recorder knows (JDK HttpServer, Servlet, Netty,"
                        + " Undertow, Jetty 12, Helidon 4), and its exchanges are not recorded");
            }
        }
        suspects = now;
    }

    /**
     * Those of {@code ports} that have, or had in the last minute (TIME_WAIT), a connection not
     * among {@code before}: a socket on the port other than the listening one, or a client on this
     * machine connected to it.
     */
    static Set<Integer> connected(Set<Integer> ports, Set<String> before) {
        Set<Integer> connected = new HashSet<>();
        if (ports.isEmpty()) {
            return connected;
        }
        for (String key : connections()) {
            if (before.contains(key)) {
                continue;
            }
            String[] ends = key.split(" ");
            int local = port(ends[0]);
            int remote = port(ends[1]);
            if (ports.contains(local)) {
                connected.add(local);
            } else if (ports.contains(remote) && address(ends[0]).equals(address(ends[1]))) {
                connected.add(remote);
            }
        }
        return connected;
    }

    /**
     * Every TCP socket on this machine but the listening ones, as "local remote" (hex, as /proc writes
     * them), less the connections a server has not accepted yet, from both ends: Tomcat (under Spring
     * Boot) listens from its init and accepts only once the application has started, seconds later,
     * and the requests queued meanwhile are served, and recorded, then.
     */
    static Set<String> connections() {
        Set<String> connections = new HashSet<>();
        Set<String> unaccepted = new HashSet<>();
        for (String table : TABLES) {
            try (TcpTable rows = TcpTable.open(Path.of(table))) {
                while (rows.next()) {
                    if (!rows.is(TcpTable.STATE, LISTEN)) {
                        String connection = rows.connection();
                        connections.add(connection);
                        if (waitsForAccept(rows)) {
                            unaccepted.add(connection);
                            unaccepted.add(rows.field(TcpTable.REMOTE) + " " + rows.field(TcpTable.LOCAL));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not readable here: nothing seen of this table.
            }
        }
        connections.removeAll(unaccepted);
        return connections;
    }

    /**
     * A server's end of a connection in its accept queue: established (or still being) and no
     * process's socket yet (inode 0); a client's open socket always has one.
     */
    static boolean waitsForAccept(TcpTable row) {
        return (row.is(TcpTable.STATE, ESTABLISHED) || row.is(TcpTable.STATE, SYN_RECV)) && row.is(TcpTable.INODE, "0");
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.indexOf(':') + 1), 16);
    }

    private static String address(String endpoint) {
        return endpoint.substring(0, endpoint.indexOf(':'));
    }
}
