package dev.respawn.reloader.ports;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One of Linux's TCP tables ({@code /proc/net/tcp}, {@code tcp6}) read row by row. The tables hold
 * every socket of the machine, thousands on a busy one (a minute of TIME_WAIT per closed
 * connection), and they are read at every worker start and every 10 ms while one starts: a row's
 * fields are found by scanning for spaces, only the fields asked for become strings, and a reader
 * may stop early (splitting each line with a regular expression, the whole table read, cost a
 * debug-mode start tens of milliseconds of CPU in the worker and the supervisor on a machine with
 * 5,000 sockets).
 */
public final class TcpTable implements Closeable {

    /** Fields of a row: sl, local_address, rem_address, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode. */
    private static final int FIELDS = 10;
    public static final int LOCAL = 1;
    public static final int REMOTE = 2;
    public static final int STATE = 3;
    public static final int INODE = 9;

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] text = new byte[256];
    private final int[] starts = new int[FIELDS];
    private final int[] ends = new int[FIELDS];

    private TcpTable(InputStream in) throws IOException {
        this.in = in;
        readLine(); // the header
    }

    /**
     * Opens a table; its rows are then visited with {@link #next()}, and it is closed after. A
     * caller may stop early: the kernel writes a table as it is read, so the rows not read cost
     * nothing.
     */
    public static TcpTable open(Path table) throws IOException {
        return new TcpTable(Files.newInputStream(table));
    }

    /** A table of the given text, header line first (for tests). */
    static TcpTable of(String text) throws IOException {
        return new TcpTable(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Moves to the next row with all ten fields; false once there is none. */
    public boolean next() throws IOException {
        int end;
        while ((end = readLine()) >= 0) {
            int at = 0;
            int field = 0;
            while (field < FIELDS) {
                while (at < end && text[at] == ' ') {
                    at++;
                }
                if (at == end) {
                    break;
                }
                starts[field] = at;
                while (at < end && text[at] != ' ') {
                    at++;
                }
                ends[field++] = at;
            }
            if (field == FIELDS) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Whether field {@code index} of the row is {@code value} (ASCII). */
    public boolean is(int index, String value) {
        int length = ends[index] - starts[index];
        if (length != value.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[starts[index] + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Field {@code index} of the row. */
    public String field(int index) {
        return new String(text, starts[index], ends[index] - starts[index], StandardCharsets.ISO_8859_1);
    }

    /** The row's local and remote addresses as the table writes them, "local remote". */
    public String connection() {
        return field(LOCAL) + ' ' + field(REMOTE);
    }

    /** The port of the row's local address (hex after the colon). */
    public int localPort() {
        int port = 0;
        for (int i = ends[LOCAL] - 1, shift = 0; i >= starts[LOCAL] && text[i] != ':'; i--, shift += 4) {
            port |= Character.digit(text[i], 16) << shift;
        }
        return port;
    }

    /** Reads the next line into {@link #text}; its length, or -1 at the end of the table. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length == 0 ? -1 : length;
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return length;
            }
            if (length == text.length) {
                text = Arrays.copyOf(text, length * 2);
            }
            text[length++] = b;
        }
    }
}
