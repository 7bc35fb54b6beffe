package dev.respawn.reloader.ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    /** IPv6's first: a Java server's socket is one (dual-stack), and each table costs the kernel a walk of its sockets. */
    private static final List<String> TABLES = List.of("net/tcp6", "net/tcp");
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
        // The client's port as /proc writes it finds the line or two worth splitting; the tables,
        // one line per socket on the machine, are searched as bytes, not decoded line by line.
        String client = String.format(":%04X ", clientPort);
        for (String table : TABLES) {
            String text;
            try {
                text = new String(Files.readAllBytes(PROC.resolve(table)), StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (int at = text.indexOf(client); at >= 0; at = text.indexOf(client, at + 1)) {
                int begin = text.lastIndexOf('\n', at) + 1;
                int end = text.indexOf('\n', at);
                String[] fields = text.substring(begin, end < 0 ? text.length() : end).trim().split("\\s+");
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
