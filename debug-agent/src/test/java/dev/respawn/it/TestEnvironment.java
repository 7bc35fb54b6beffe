package dev.respawn.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the build put what the integration tests run: respawn.jar, the examples, the JDKs. */
final class TestEnvironment {

    private TestEnvironment() {
    }

    static Path respawnJar() {
        Path jar = Path.of(System.getProperty("respawn.jar", "target/respawn.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests with mvn verify");
        }
        return jar;
    }

    static Path examples() {
        return Path.of(System.getProperty("respawn.examples", "../examples")).toAbsolutePath().normalize();
    }

    /** The java of the JDK running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Java 25's java, when that JDK is installed. */
    static Optional<String> java25() {
        Path home = Path.of(System.getProperty("respawn.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Path java = home.resolve("bin").resolve("java");
        return Files.isExecutable(java) ? Optional.of(java.toString()) : Optional.empty();
    }

    /** An address of this machine other than loopback, when it has one. */
    static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a instanceof java.net.Inet4Address)
                .findFirst();
    }

    /**
     * A port free on loopback now, below the kernel's ephemeral range (32768 and up on Linux): a
     * port 0 handed out would be free again for the next socket bound to port 0 or connecting out
     * (the supervisor's, the worker's own) before the worker binds it, and CI saw one taken so.
     * Each failsafe JVM ({@code respawn.it.fork}, 1 and up, when IT classes run side by side) takes
     * ports from a range of its own: a port one JVM found free is not bound by its worker yet, and
     * the other JVM would find it free too.
     */
    static int freePort() throws IOException {
        int forks = Integer.getInteger("respawn.it.forks", 1);
        int fork = Integer.getInteger("respawn.it.fork", 1);
        int width = 12_000 / Math.max(1, forks);
        int low = 20_000 + width * (Math.floorMod(fork - 1, Math.max(1, forks)));
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = low + java.util.concurrent.ThreadLocalRandom.current().nextInt(width);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException inUse) {
                // Try another.
            }
        }
        throw new IOException("no free port on loopback between " + low + " and " + (low + width) + " in 100 tries");
    }
}
