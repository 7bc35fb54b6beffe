package dev.respawn.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.respawn.reloader.options.Options;

/**
 * The features a run has on, as the worker's environment announces them ({@code RESPAWN=1} and a
 * {@code RESPAWN_<FEATURE>=1} marker each), and what {@code --debug-mode} turned on.
 */
final class Features {

    /** One feature: its marker, whether the options turn it on, and whether this build has it. */
    record Feature(String name, String marker, Predicate<Options> on, boolean available) {
    }

    static final List<Feature> ALL = List.of(
            new Feature("reloading", "RESPAWN_RELOADER", Options::reloadOnChanges, true),
            new Feature("exception capture", "RESPAWN_EXCEPTIONS", Options::captureExceptions, true),
            new Feature("debugger", "RESPAWN_DEBUGGER", Options::enableDebugger, true),
            new Feature("profiler", "RESPAWN_PROFILER", Options::enableProfiler, true),
            new Feature("coverage", "RESPAWN_COVERAGE", Options::enableCoverage, true),
            new Feature("recorder", "RESPAWN_RECORDER", Options::enableRecorder, true));

    private Features() {
    }

    static Map<String, String> environment(Options options) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("RESPAWN", "1");
        for (Feature feature : ALL) {
            if (feature.available() && feature.on().test(options)) {
                environment.put(feature.marker(), "1");
            }
        }
        return environment;
    }

    /** The add-ons asked for that this build does not have yet, to say so rather than ignore them. */
    static List<String> missing(Options options) {
        return ALL.stream().filter(f -> !f.available() && f.on().test(options)).map(Feature::name).toList();
    }

    /** What --debug-mode turned on, for the terminal. */
    static List<String> debugModeEnabled(Options options) {
        return ALL.stream().skip(1).filter(f -> f.available() && f.on().test(options)).map(Feature::name).toList();
    }
}
