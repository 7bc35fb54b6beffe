package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.respawn.reloader.options.Options;
import one.profiler.AsyncProfiler;

/**
 * One async-profiler recording (loaded through ap-loader's API from premain, no dynamic
 * self-attach, which Java 21 and later warn about), written as JFR and drawn as a flame graph.
 */
final class AsyncProfilerSession implements ProfileSession {

    private final AsyncProfiler profiler;
    private final Path jfr;
    private final String event;

    private AsyncProfilerSession(AsyncProfiler profiler, Path jfr, String event) {
        this.profiler = profiler;
        this.jfr = jfr;
        this.event = event;
    }

    /** @param requestsOnly wall-clock samples of the threads added to the profiler's filter only */
    static AsyncProfilerSession start(AsyncProfiler profiler, Options options, Path directory, String stem,
            boolean requestsOnly) throws IOException {
        String event = requestsOnly ? "wall" : options.profilerEvent();
        Path jfr = directory.resolve(stem + ".jfr");
        StringBuilder command = new StringBuilder("start,event=").append(PerfEvents.asyncProfilerEvent(event));
        options.profilerInterval().ifPresent(interval -> command.append(",interval=").append(interval));
        if (requestsOnly) {
            command.append(",filter");
        }
        command.append(",jfr,file=").append(jfr);
        String answer = profiler.execute(command.toString());
        for (String line : answer.split("\n")) {
            if (line.startsWith("[WARN]") || line.startsWith("[ERROR]")) {
                ProfilerAddon.say("async-profiler: " + line);
            }
        }
        return new AsyncProfilerSession(profiler, jfr, event);
    }

    @Override
    public Path stop() throws IOException {
        profiler.execute("stop");
        if (!Files.isRegularFile(jfr)) {
            throw new IOException("async-profiler wrote no recording to " + jfr);
        }
        return jfr;
    }

    @Override
    public String event() {
        return event;
    }
}
