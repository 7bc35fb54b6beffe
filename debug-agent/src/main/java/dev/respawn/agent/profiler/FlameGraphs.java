package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import one.convert.Arguments;
import one.convert.JfrToFlame;

/** Turns a JFR recording into an async-profiler flame graph (HTML) with async-profiler's own converter. */
final class FlameGraphs {

    private FlameGraphs() {
    }

    /** The HTML written next to {@code jfr}, or empty when the recording holds no samples to draw. */
    static Optional<Path> fromJfr(Path jfr, String event) {
        Path html = jfr.resolveSibling(jfr.getFileName().toString().replaceFirst("\\.jfr$", ".html"));
        Arguments arguments = new Arguments();
        arguments.title = "respawn: pid " + ProcessHandle.current().pid() + " " + System.getProperty("sun.java.command", "");
        switch (event) {
            case "alloc" -> arguments.alloc = true;
            case "lock" -> arguments.lock = true;
            case "wall" -> arguments.wall = true;
            default -> {
                // cpu, perf and itimer: execution samples, the converter's default
            }
        }
        try {
            JfrToFlame.convert(jfr.toString(), html.toString(), arguments);
            return Optional.of(html);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
