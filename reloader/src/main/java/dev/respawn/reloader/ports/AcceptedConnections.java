package dev.respawn.reloader.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a server has accepted a given connection to it, read from Linux's {@code /proc}: the
 * kernel completes a connection to a listening socket by itself, and until the server calls
 * {@code accept} the connection waits in the socket's queue with no file (inode 0).
 */
public final class AcceptedConnections {

    private static final Path PROC = Path.of("/proc");
    private static final List<String> TABLES = List.of("net/tcp", "net/tcp6");
    private static final String ESTABLISHED = "01";
    private static final String SYN_RECEIVED = "03";

    private AcceptedConnections() {
    }

    /**
     * Whether the server side of the connection from {@code clientPort} to {@code serverPort} was
     * accepted: it has a file, or the server already closed it. Empty while the kernel lists no
     * server side yet (the handshake's last packet is still on its way) or off Linux.
     */
    public static Optional<Boolean> accepted(int serverPort, int clientPort) {
        for (String table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(PROC.resolve(table));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] fields = lines.get(i).trim().split("\\s+");
                if (fields.length < 10 || port(fields[1]) != serverPort || port(fields[2]) != clientPort) {
                    continue;
                }
                boolean queued = (fields[3].equals(ESTABLISHED) || fields[3].equals(SYN_RECEIVED)) && fields[9].equals("0");
                return Optional.of(!queued);
            }
        }
        return Optional.empty();
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }
}
