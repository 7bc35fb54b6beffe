package dev.respawn.reloader.loopback;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** What any local user can do to a loopback channel before knowing its secret. */
public final class HostileClients {

    private HostileClients() {
    }

    /**
     * Sends up to {@code limit} bytes without a newline, in 64 KiB writes, until the server
     * disconnects; returns how many bytes it took (the limit if the server never did).
     */
    public static long endlessLine(int port, long limit) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        long sent = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            while (sent < limit) {
                out.write(chunk);
                sent += chunk.length;
            }
        } catch (IOException e) {
            // Disconnected: what the server should do.
        }
        return sent;
    }

    /** Opens {@code count} connections that say nothing; the caller closes them. */
    public static List<Socket> idle(int port, int count) {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                // The backlog is full: the server is refusing, which is fine.
            }
        }
        return sockets;
    }

    /** Lines that are none of the protocol's, binary noise, and a wrong secret, each on a connection. */
    public static void garbage(int port) {
        Random random = new Random(17);
        List<byte[]> messages = new ArrayList<>();
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        messages.add(noise);
        messages.add("hello\t\t\t\n\n\r\n\0\0\0".getBytes(StandardCharsets.UTF_8));
        messages.add("hello\twrong-secret\t1\nroot\tdir\t/evil\n".getBytes(StandardCharsets.UTF_8));
        messages.add("wrong-secret status\n".getBytes(StandardCharsets.UTF_8));
        messages.add(new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        for (byte[] message : messages) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(message);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes();
            } catch (IOException e) {
                // Disconnected.
            }
        }
    }

    public static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Gone already.
            }
        }
    }

    /** Threads alive now whose name starts with {@code prefix}. */
    public static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }
}
