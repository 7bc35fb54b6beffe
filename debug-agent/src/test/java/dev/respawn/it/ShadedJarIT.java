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
 * Helidon's own before it defines the seam).
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
}
