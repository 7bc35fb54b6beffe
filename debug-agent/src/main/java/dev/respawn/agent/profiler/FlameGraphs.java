package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import one.convert.Arguments;
import one.convert.JfrToFlame;

import dev.respawn.reloader.output.OwnerOnly;

/** Turns a JFR recording into an async-profiler flame graph (HTML) with async-profiler's own converter. */
final class FlameGraphs {

    private FlameGraphs() {
    }

    /** The HTML written next to {@code jfr}, or empty when the recording holds no samples to draw. */
    static Optional<Path> fromJfr(Path jfr, String event) {
        return fromJfr(jfr, event, title());
    }

    /** This JVM's flame graphs' title: its pid and command. */
    static String title() {
        return "respawn: pid " + ProcessHandle.current().pid() + " " + System.getProperty("sun.java.command", "");
    }

    /** {@link #fromJfr(Path, String)} with the title given (a worker's, drawn by the supervisor). */
    static Optional<Path> fromJfr(Path jfr, String event, String title) {
        Path html = htmlOf(jfr);
        Arguments arguments = new Arguments();
        arguments.title = title;
        switch (event) {
            case "alloc" -> arguments.alloc = true;
            case "lock" -> arguments.lock = true;
            case "wall" -> arguments.wall = true;
            default -> {
                // cpu, perf and itimer: execution samples, the converter's default
            }
        }
        // Drawn under a name of its own and moved whole: a full disk leaves no half a page under the final name.
        Path partial = html.resolveSibling("." + html.getFileName() + ".partial");
        try {
            JfrToFlame.convert(jfr.toString(), partial.toString(), arguments);
            OwnerOnly.restrict(partial);
            Files.move(partial, html, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(html);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Nothing more to do: the line that names the recording says no flame graph was drawn.
            }
            return Optional.empty();
        }
    }

    /** Where the flame graph of {@code jfr} goes: beside it, {@code .html} for {@code .jfr}. */
    static Path htmlOf(Path jfr) {
        return jfr.resolveSibling(jfr.getFileName().toString().replaceFirst("\\.jfr$", ".html"));
    }
}
