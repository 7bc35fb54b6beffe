package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The steps the framework ITs share: a change compiled and served, and how the supervisor said it reloaded. */
final class Reloads {

    static final String HOT_SWAP = "hot-swapped";
    static final String IN_JVM = "restarted inside the JVM";
    static final String PROCESS = "restarted";

    private static final Pattern RELOAD = Pattern.compile("changed(?: \\(.*\\))?; (hot-swapped|restarted inside the JVM|restarted) in \\d+ ms");
    private static final Pattern WORKER = Pattern.compile("worker pid (\\d+) up in");

    private Reloads() {
    }

    /**
     * Compiles the edited sources, waits until {@code /hello} answers {@code expected}, and returns
     * how the supervisor said it reloaded since: one of {@link #HOT_SWAP}, {@link #IN_JVM} and
     * {@link #PROCESS} per line (a build's class files may come in more than one batch).
     */
    static List<String> change(RespawnProcess respawn, ExampleWorkspace app, int port, String expected, Duration bound)
            throws Exception {
        int before = reloads(respawn.stderr()).size();
        app.compile();
        Http.awaitBody(port, "/hello", expected, bound);
        await().atMost(bound).pollInterval(Duration.ofMillis(50)).until(() -> reloads(respawn.stderr()).size() > before);
        List<String> all = reloads(respawn.stderr());
        return all.subList(before, all.size());
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The pid of the first worker the supervisor said is up. */
    static long workerPid(RespawnProcess respawn, Duration bound) {
        respawn.awaitStderr(WORKER.pattern(), bound);
        Matcher matcher = WORKER.matcher(respawn.stderr());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static List<String> reloads(String stderr) {
        return RELOAD.matcher(stderr).results().map(m -> m.group(1)).toList();
    }
}
