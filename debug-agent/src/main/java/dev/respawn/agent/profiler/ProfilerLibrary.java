package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.respawn.reloader.output.OwnerOnly;
import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;

/**
 * async-profiler's native library, extracted by ap-loader once per async-profiler version and
 * platform into an owner-only folder of respawn's, and loaded from there directly on every later
 * start.
 *
 * <p>Why not {@code AsyncProfilerLoader.load()} every time: before it looks for the extracted file
 * it decides the platform, and on Linux x64 that runs {@code ldd --version} as a process (to tell
 * musl from glibc) in every worker's start, with the JVM's process machinery around it. The folder
 * is named by version, so a respawn.jar with a newer async-profiler never loads an older library.
 */
final class ProfilerLibrary {

    private ProfilerLibrary() {
    }

    /** Loads the library, extracting it into {@code natives} first if this version has not been yet. */
    static AsyncProfiler load(Path natives) throws IOException {
        Path folder = OwnerOnly.directories(natives.resolve(folderName()));
        Path cached = folder.resolve("lib").resolve(System.mapLibraryName("asyncProfiler"));
        if (Files.isRegularFile(cached)) {
            try {
                return AsyncProfiler.getInstance(cached.toString());
            } catch (UnsatisfiedLinkError e) {
                // A copy cut short (a worker killed while extracting): extract it again.
                Files.deleteIfExists(cached);
            }
        }
        AsyncProfilerLoader.setExtractionDirectory(folder);
        AsyncProfiler profiler = AsyncProfilerLoader.load();
        OwnerOnly.restrict(folder);
        return profiler;
    }

    /** {@code 4.3-linux-amd64}: what the extracted library depends on, besides the C library. */
    static String folderName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        return AsyncProfilerLoader.getVersion() + "-" + os + "-" + System.getProperty("os.arch", "");
    }
}
