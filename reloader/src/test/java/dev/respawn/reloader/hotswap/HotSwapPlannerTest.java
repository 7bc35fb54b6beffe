package dev.respawn.reloader.hotswap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.tracking.ClassOrigin;

/** Real class files from javac: which edits a hot swap may apply, and which need a restart. */
class HotSwapPlannerTest {

    private static final String BEFORE = """
            package p;
            public class Shop {
                static final java.util.List<String> ITEMS = new java.util.ArrayList<>();
                private int sold;
                public String greet(String name) { return "Hello " + name; }
                @Deprecated public int sell(int n) { sold += n; return sold; }
            }
            """;

    @TempDir
    Path temp;

    private Path compile(String source) throws IOException {
        Path directory = Files.createTempDirectory(temp, "javac");
        Path file = Files.createDirectories(directory.resolve("p")).resolve("Shop.java");
        Files.writeString(file, source);
        int result = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", directory.toString(), file.toString());
        assertThat(result).isZero();
        return directory.resolve("p/Shop.class");
    }

    /** Loads BEFORE as the worker would, then writes {@code after} over it and plans. */
    private HotSwapPlanner.Plan planFor(String after) throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes/p"));
        Path loaded = classes.resolve("Shop.class");
        Files.copy(compile(BEFORE), loaded, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        HotSwapPlanner planner = new HotSwapPlanner();
        planner.loaded(new ClassOrigin("p.Shop", loaded, temp.resolve("classes"), Optional.empty()));
        Files.copy(compile(after), loaded, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return planner.plan(List.of(loaded));
    }

    @Test
    void aChangedMethodBodyIsHotSwapped() throws IOException {
        HotSwapPlanner.Plan plan = planFor(BEFORE.replace("\"Hello \" + name", "\"Hi \" + name.trim()"));
        assertThat(plan.canHotSwap()).isTrue();
        assertThat(plan.classes()).containsOnlyKeys("p.Shop");
    }

    @Test
    void theSameBytesNeedNothing() throws IOException {
        HotSwapPlanner.Plan plan = planFor(BEFORE);
        assertThat(plan.canHotSwap()).isTrue();
        assertThat(plan.redefinitions()).isEmpty();
    }

    @Test
    void aNewFieldNeedsARestart() throws IOException {
        assertThat(planFor(BEFORE.replace("private int sold;", "private int sold; private int returned;")).restartReason())
                .contains("a field was added (returned)");
    }

    @Test
    void aRemovedOrNewMethodNeedsARestart() throws IOException {
        assertThat(planFor(BEFORE.replace("public String greet", "public String welcome")).restartReason())
                .contains("a method was");
    }

    @Test
    void aChangedAnnotationNeedsARestart() throws IOException {
        assertThat(planFor(BEFORE.replace("@Deprecated ", "")).restartReason())
                .endsWith("an annotation changed (@Deprecated on sell)");
    }

    @Test
    void aNewAnnotatedMethodIsNamedAsANewMethod() throws IOException {
        assertThat(planFor(BEFORE.replace("    private int sold;",
                "    private int sold;\n    @Deprecated public String hello() { return \"hi\"; }")).restartReason())
                .isEqualTo("Shop.class: a method was added (hello)");
    }

    @Test
    void aRenamedFieldOrMethodIsNamedSo() throws IOException {
        assertThat(planFor(BEFORE.replace("sold", "count")).restartReason()).endsWith("a field was renamed (sold -> count)");
        assertThat(planFor(BEFORE.replace("greet", "welcome")).restartReason()).endsWith("a method was renamed (greet -> welcome)");
    }

    @Test
    void aFieldOfAnotherTypeOrFieldsRemovedAndAddedAreNamed() throws IOException {
        assertThat(planFor(BEFORE.replace("private int sold;", "private long sold;").replace("return sold;", "return (int) sold;"))
                .restartReason()).endsWith("a field's type or modifiers changed (sold)");
        assertThat(planFor(BEFORE.replace("sold", "sold2").replace("private int sold2;", "private int sold2; private long total;"))
                .restartReason()).endsWith("a field was removed and others added (sold; sold2, total)");
    }

    @Test
    void aChangedStaticInitializerNeedsARestart() throws IOException {
        assertThat(planFor(BEFORE.replace("new java.util.ArrayList<>()", "new java.util.LinkedList<>()")).restartReason())
                .contains("static initializer");
    }

    @Test
    void aNewSuperclassNeedsARestart() throws IOException {
        assertThat(planFor(BEFORE.replace("public class Shop {", "public class Shop extends Thread {")).restartReason())
                .contains("declaration changed");
    }

    @Test
    void resourcesNewClassesAndDeletionsNeedARestart() throws IOException {
        HotSwapPlanner planner = new HotSwapPlanner();
        Path resource = Files.writeString(temp.resolve("application.properties"), "a=1");
        Path unknown = Files.copy(compile(BEFORE), temp.resolve("Shop.class"));
        assertThat(planner.plan(List.of(resource)).canHotSwap()).isFalse();
        assertThat(planner.plan(List.of(unknown)).restartReason()).contains("is a new class");
        assertThat(planner.plan(List.of(temp.resolve("Gone.class"))).restartReason()).contains("deleted");
    }

    @Test
    void aClassNotYetLoadedThatExistedAtStartNeedsNothing() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes"));
        Path later = Files.copy(compile(BEFORE), Files.createDirectories(root.resolve("p")).resolve("Shop.class"));
        HotSwapPlanner planner = new HotSwapPlanner();
        planner.classFolder(root);
        Files.copy(compile(BEFORE.replace("Hello", "Hi")), later, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        HotSwapPlanner.Plan plan = planner.plan(List.of(later));
        assertThat(plan.canHotSwap()).isTrue();
        assertThat(plan.redefinitions()).isEmpty();
    }

    @Test
    void namesOnlyTheFilesWhoseBytesDifferFromWhatWasLoaded() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes/p"));
        Path same = Files.copy(compile(BEFORE), root.resolve("Shop.class"));
        Path other = Files.copy(compile(BEFORE.replace("Hello", "Hi")), root.resolve("Other.class"));
        Path resource = Files.writeString(temp.resolve("application.properties"), "a=1");
        HotSwapPlanner planner = new HotSwapPlanner();
        planner.loaded(new ClassOrigin("p.Shop", same, temp.resolve("classes"), Optional.empty()));
        assertThat(planner.differing(List.of(same, other, resource))).containsExactly(other, resource);
        assertThat(planner.differing(List.of(same))).as("all, when none differs").containsExactly(same);
    }

    @Test
    void aNewLifeInTheSameWorkerForgetsWhatWasLoadedButNotItsClassFolders() throws IOException {
        Path root = Files.createDirectories(temp.resolve("classes"));
        Path shop = Files.copy(compile(BEFORE), Files.createDirectories(root.resolve("p")).resolve("Shop.class"));
        HotSwapPlanner planner = new HotSwapPlanner();
        planner.classFolder(root);
        planner.loaded(new ClassOrigin("p.Shop", shop, root, Optional.empty()));
        planner.newLife();
        Files.copy(compile(BEFORE.replace("Hello", "Hi")), shop, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        HotSwapPlanner.Plan plan = planner.plan(List.of(shop));
        assertThat(plan.canHotSwap()).as("a class the new life has not loaded yet, but that existed").isTrue();
        assertThat(plan.redefinitions()).isEmpty();
    }
}
