package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * What respawn.jar ships: the classes a worker or the supervisor runs, not those that exist only to
 * compile against a server's types (the Helidon seam's stand-ins, whose names the recorder rewrites to
 * Helidon's own before it defines the seam), and nothing Spring Boot would read from it.
 */
class ShadedJarIT {

    @Test
    void theHelidonStandInsAreLeftOutAndTheSeamIsShipped() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(TestEnvironment.respawnJar().toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
        assertThat(entries).filteredOn(name -> name.startsWith("dev/respawn/recorder/helidon/stub/")).isEmpty();
        assertThat(entries).contains("dev/respawn/recorder/helidon/handler/HelidonRequestRecorder.class",
                "dev/respawn/recorder/helidon/HelidonEntry.class");
    }

    /**
     * A Spring Boot executable jar's loader sees respawn.jar through its parent: a factories file or an
     * auto-configuration list there names classes it cannot link, and the application does not start
     * (a stale {@code reloader/target/classes/META-INF/spring.factories}, built before the defaults
     * moved, was shipped by {@code mvn package} without {@code clean}).
     */
    @Test
    void shipsNoSpringFactoriesNorAutoConfigurationImports() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(TestEnvironment.respawnJar().toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
        assertThat(entries).filteredOn(name -> name.equals("META-INF/spring.factories") || name.startsWith("META-INF/spring/"))
                .isEmpty();
    }
}
