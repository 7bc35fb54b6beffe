package dev.respawn.reloader.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.tracking.ClassOrigin;
import dev.respawn.reloader.watch.FileChange;

class TrackedFilesTest {

    @TempDir
    Path temp;

    private TrackedFiles tracked() {
        return new TrackedFiles(new Excludes(Options.DEFAULT_EXCLUDES));
    }

    private ClassOrigin origin(Path root, String name, Path source) {
        return new ClassOrigin(name, root.resolve(name.replace('.', '/') + ".class"), root, Optional.ofNullable(source));
    }

    @Test
    void aClassMissingWhileItsSourceExistsMeansABuildIsUnderWay() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes"));
        Path source = Files.writeString(temp.resolve("Main.java"), "class Main {}");
        TrackedFiles tracked = tracked();
        tracked.addClassRoot(root);
        tracked.addClass(origin(root, "Main", source));
        assertThat(tracked.missingClassFiles()).containsExactly(root.resolve("Main.class"));

        Files.writeString(root.resolve("Main.class"), "bytes");
        assertThat(tracked.missingClassFiles()).isEmpty();
    }

    @Test
    void aClassWhoseSourceIsGoneTooIsNotWaitedFor() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes"));
        TrackedFiles tracked = tracked();
        tracked.addClassRoot(root);
        tracked.addClass(origin(root, "Removed", temp.resolve("Removed.java")));
        assertThat(tracked.missingClassFiles()).isEmpty();
    }

    @Test
    void aNestedClassIsWaitedForWhileItsOuterClassStillNamesIt() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes"));
        Path source = Files.writeString(temp.resolve("Outer.java"), "class Outer {}");
        TrackedFiles tracked = tracked();
        tracked.addClassRoot(root);
        tracked.addClass(origin(root, "Outer", source));
        tracked.addClass(origin(root, "Outer$1", source));
        assertThat(tracked.missingClassFiles()).as("the outer class first").containsExactly(root.resolve("Outer.class"));

        Files.writeString(root.resolve("Outer.class"), "... Outer$1 ...");
        assertThat(tracked.missingClassFiles()).as("written, naming its nested class").containsExactly(root.resolve("Outer$1.class"));

        Files.writeString(root.resolve("Outer.class"), "... no longer ...");
        assertThat(tracked.missingClassFiles()).as("the nested class was removed from the source").isEmpty();
    }

    @Test
    void aClassFileStillBeingWrittenIsHalfWritten() throws IOException {
        byte[] whole;
        try (var in = TrackedFilesTest.class.getResourceAsStream("TrackedFilesTest.class")) {
            whole = in.readAllBytes();
        }
        Path complete = Files.write(temp.resolve("A.class"), whole);
        Path partial = Files.write(temp.resolve("B.class"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path resource = Files.writeString(temp.resolve("app.properties"), "a=");

        assertThat(TrackedFiles.halfWritten(List.of(complete, partial, resource, temp.resolve("Gone.class"))))
                .containsExactly(partial);
    }

    @Test
    void aGeneratedClassWithADollarInItsNameIsWaitedFor() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes"));
        Path source = Files.writeString(temp.resolve("BoomService.java"), "class BoomService {}");
        TrackedFiles tracked = tracked();
        tracked.addClassRoot(root);
        tracked.addClass(origin(root, "app.$BoomService$Definition", source));
        assertThat(tracked.missingClassFiles()).containsExactly(root.resolve("app/$BoomService$Definition.class"));
    }

    @Test
    void aMissingClassFolderIsIncomplete() {
        TrackedFiles tracked = tracked();
        Path root = temp.resolve("gone");
        tracked.addClassRoot(root);
        assertThat(tracked.missingClassFiles()).containsExactly(root);
    }

    @Test
    void classifiesChangesByWhereTheyHappen() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path sources = Files.createDirectories(temp.resolve("src"));
        Path jar = Files.writeString(temp.resolve("lib.jar"), "jar");
        Path watched = Files.createDirectories(temp.resolve("conf"));
        TrackedFiles tracked = tracked();
        tracked.addClassRoot(classes);
        tracked.addSourceRoot(sources);
        tracked.addJar(jar);
        tracked.addWatched(watched);

        assertThat(tracked.classify(change(classes.resolve("A.class"), classes))).isEqualTo(ChangeKind.CLASS);
        assertThat(tracked.classify(change(classes.resolve("static/a.js"), classes))).isEqualTo(ChangeKind.IGNORED);
        assertThat(tracked.classify(change(sources.resolve("A.java"), sources))).isEqualTo(ChangeKind.SOURCE);
        assertThat(tracked.classify(change(sources.resolve("sedAUC77G"), sources))).isEqualTo(ChangeKind.IGNORED);
        assertThat(tracked.classify(change(jar, jar))).isEqualTo(ChangeKind.JAR);
        assertThat(tracked.classify(change(watched.resolve("app.yml"), watched))).isEqualTo(ChangeKind.WATCHED);
        assertThat(tracked.classify(change(temp.resolve("x"), temp))).isEqualTo(ChangeKind.IGNORED);
    }

    @Test
    void describesChangesBriefly() {
        assertThat(ChangeMonitor.describe(List.of(Path.of("a/A.class")))).isEqualTo("A.class");
        assertThat(ChangeMonitor.describe(List.of(Path.of("A.class"), Path.of("B.class")))).isEqualTo("A.class and B.class");
        assertThat(ChangeMonitor.describe(List.of(Path.of("A"), Path.of("B"), Path.of("C"), Path.of("D"), Path.of("E"))))
                .isEqualTo("A, B, C and 2 more");
    }

    private static FileChange change(Path path, Path root) {
        return new FileChange(path, FileChange.Kind.MODIFIED, root);
    }
}
