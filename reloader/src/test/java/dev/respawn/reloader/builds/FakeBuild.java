package dev.respawn.reloader.builds;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.codehaus.plexus.classworlds.launcher.Launcher;

/**
 * A process whose command line is Maven's ({@code -Dmaven.multiModuleProjectDirectory=DIR} and the
 * classworlds launcher), or Gradle's wrapper's, building nothing, started either as this JVM's child
 * or detached from it, as a build in another terminal is.
 */
public final class FakeBuild implements AutoCloseable {

    private final ProcessHandle process;

    private FakeBuild(ProcessHandle process) {
        this.process = process;
    }

    /** A build of {@code project} that is no descendant of this JVM: started by a shell that exits at once. */
    public static FakeBuild detached(Path project) throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c", "\"$0\" \"$@\" </dev/null >/dev/null 2>&1 & echo $!",
                java(), "-cp", testClasses(), "-Dmaven.multiModuleProjectDirectory=" + project,
                Launcher.class.getName(), "120").start();
        String pid = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        shell.waitFor();
        return new FakeBuild(ProcessHandle.of(Long.parseLong(pid))
                .orElseThrow(() -> new IllegalStateException("the fake build " + pid + " ended at once")));
    }

    /**
     * A {@code gradlew} client detached from this JVM, started in {@code project} and naming no
     * directory, as {@code ./gradlew classes} is.
     */
    public static FakeBuild detachedGradle(Path project) throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c", "\"$0\" \"$@\" </dev/null >/dev/null 2>&1 & echo $!",
                java(), "-Dorg.gradle.appname=gradlew", "-cp", testClasses(), "org.gradle.wrapper.GradleWrapperMain",
                "120").directory(project.toFile()).start();
        String pid = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        shell.waitFor();
        return new FakeBuild(ProcessHandle.of(Long.parseLong(pid))
                .orElseThrow(() -> new IllegalStateException("the fake build " + pid + " ended at once")));
    }

    /** A build of {@code project} started as this JVM's child. */
    public static FakeBuild child(Path project) throws IOException {
        return new FakeBuild(new ProcessBuilder(java(), "-cp", testClasses(),
                "-Dmaven.multiModuleProjectDirectory=" + project, Launcher.class.getName(), "120").start().toHandle());
    }

    public ProcessHandle process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClasses() {
        try {
            return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
