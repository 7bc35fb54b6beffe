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

    /** A port free on loopback now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
