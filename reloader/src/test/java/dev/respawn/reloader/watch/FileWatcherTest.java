package dev.respawn.reloader.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {

    private static final Duration SEEN = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private final List<FileChange> changes = new CopyOnWriteArrayList<>();
    private FileWatcher watcher;

    private FileWatcher watcher(boolean poll) {
        watcher = FileWatcher.builder().listener(changes::add).poll(poll)
                .pollInterval(Duration.ofMillis(50)).probeInterval(Duration.ofMillis(20)).build();
        return watcher;
    }

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void awaitChange(Path path, FileChange.Kind kind) {
        await().atMost(SEEN).alias(kind + " of " + path + " among " + changes)
                .until(() -> changes.stream().anyMatch(c -> c.path().equals(path) && c.kind() == kind));
    }

    @Test
    void seesFilesWrittenDeepInADirectoryTree() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes"));
        watcher(false).watchDirectory(root);
        Path file = Files.createDirectories(root.resolve("com/example")).resolve("Main.class");
        Files.writeString(file, "v1");
        awaitChange(file, FileChange.Kind.CREATED);
        assertThat(changes).allMatch(c -> c.root().equals(root));
    }

    @Test
    void watchesARootAgainAfterItIsDeletedAndCreatedAgain() throws IOException {
        Path root = Files.createDirectories(temp.resolve("target/classes"));
        watcher(false).watchDirectory(root);
        deleteTree(temp.resolve("target"));
        awaitChange(root, FileChange.Kind.DELETED);

        Files.createDirectories(root);
        awaitChange(root, FileChange.Kind.CREATED);
        Path file = root.resolve("Again.class");
        Files.writeString(file, "v2");
        awaitChange(file, FileChange.Kind.CREATED);
    }

    @Test
    void waitsForARootThatDoesNotExistYet() throws IOException {
        Path root = temp.resolve("later");
        watcher(false).watchDirectory(root);
        Files.createDirectories(root);
        awaitChange(root, FileChange.Kind.CREATED);
        Path file = root.resolve("x.properties");
        Files.writeString(file, "a=1");
        awaitChange(file, FileChange.Kind.CREATED);
    }

    @Test
    void watchesOneFileAndNotItsNeighbours() throws IOException {
        Path jar = Files.writeString(temp.resolve("lib.jar"), "v1");
        Path neighbour = Files.writeString(temp.resolve("other.jar"), "v1");
        watcher(false).watchFile(jar);
        Files.writeString(neighbour, "v2");
        Files.writeString(jar, "v2");
        awaitChange(jar, FileChange.Kind.MODIFIED);
        assertThat(changes).noneMatch(c -> c.path().equals(neighbour));
    }

    @Test
    void pollingSeesCreationChangeAndDeletion() throws IOException {
        Path root = Files.createDirectories(temp.resolve("polled"));
        Path file = Files.writeString(root.resolve("a.txt"), "1");
        watcher(true).watchDirectory(root);
        Files.writeString(root.resolve("b.txt"), "1");
        awaitChange(root.resolve("b.txt"), FileChange.Kind.CREATED);
        Files.writeString(file, "longer");
        awaitChange(file, FileChange.Kind.MODIFIED);
        Files.delete(file);
        awaitChange(file, FileChange.Kind.DELETED);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
