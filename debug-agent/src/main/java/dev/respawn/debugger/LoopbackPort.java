package dev.respawn.debugger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One TCP port on loopback: whether a listener could take it now, and waiting until it can. */
record LoopbackPort(int number) {

    LoopbackPort {
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("'number' must be a port from 1 to 65535, not " + number);
        }
    }

    /**
     * True when a server could bind it now. Binding (with SO_REUSEADDR, as JDWP's socket
     * transport does) is the one honest test: a connection lingering in TIME_WAIT does not block
     * it, and a listener on any address, loopback or wildcard, does.
     */
    boolean isFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), number));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code timeout} for the port to be free; true when it is. */
    boolean awaitFree(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFree()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return isFree();
            }
        }
        return true;
    }
}
