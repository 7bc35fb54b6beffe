package dev.respawn.reloader.ports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which TCP ports processes listen on, read from Linux's {@code /proc}. Elsewhere every answer
 * is empty, and callers fall back to waiting for the processes alone.
 */
public final class ListeningPorts {

    private static final Path PROC = Path.of("/proc");
    private static final List<String> TABLES = List.of("net/tcp", "net/tcp6");
    private static final String LISTEN = "0A";
    private static final String SYN_RECV = "03";

    private ListeningPorts() {
    }

    public static boolean supported() {
        return Files.isReadable(PROC.resolve("net/tcp"));
    }

    /** The ports that any of {@code processes} listens on. */
    public static Set<Integer> ownedBy(Collection<ProcessHandle> processes) {
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle process : processes) {
            Path fds = PROC.resolve(Long.toString(process.pid())).resolve("fd");
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
                for (Path fd : entries) {
                    String target = readLink(fd);
                    if (target != null && target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The process ended, or is not ours to look into.
            }
        }
        return inodes.isEmpty() ? Set.of() : listening(inodes);
    }

    /** Every port some process on this machine listens on. */
    public static Set<Integer> all() {
        return listening(null);
    }

    private static Set<Integer> listening(Set<String> inodes) {
        Set<Integer> ports = new HashSet<>();
        for (String table : TABLES) {
            try (TcpTable rows = TcpTable.open(PROC.resolve(table))) {
                while (rows.next()) {
                    if (rows.is(TcpTable.STATE, LISTEN)) {
                        if (inodes == null || inodes.contains(rows.field(TcpTable.INODE))) {
                            ports.add(rows.localPort());
                        }
                    } else if (!rows.is(TcpTable.STATE, SYN_RECV)) {
                        // Linux lists the listening sockets first (and, before 4.4, the connections
                        // each has not accepted yet beside it), then every other: what follows is
                        // no listener, and left unread costs the kernel nothing.
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not readable here: no ports from this table.
            }
        }
        return ports;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
