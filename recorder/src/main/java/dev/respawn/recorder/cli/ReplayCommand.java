package dev.respawn.recorder.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.respawn.recorder.har.HarReader;
import dev.respawn.recorder.replay.Outcome;
import dev.respawn.recorder.replay.Replayer;
import dev.respawn.reloader.options.OptionsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code respawn replay FILE.har --target URL}: a recording as a regression check. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Sends the requests of a HAR file again, in order, to --target, and says for each whether"
                + " the status, headers and body still match, with a diff when they do not.",
            "Exit code 0 when all match, 1 otherwise. Date, Content-Length and hop-by-hop headers are not compared."})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.har", description = "The recording to replay.")
    private Path har;

    @Option(names = "--target", paramLabel = "URL", required = true,
            description = "Where to send the requests, e.g. http://127.0.0.1:8080 (the recorded host is replaced).")
    private URI target;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}, strictly in order).")
    private int concurrency;

    @Option(names = "--ignore-header", paramLabel = "H", split = ",",
            description = "More response headers not to compare (repeatable).")
    private List<String> ignoreHeaders = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (concurrency < 1) {
            throw new OptionsException("--concurrency must be 1 or more, not " + concurrency);
        }
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
            throw new OptionsException("--target must be an http:// or https:// URL, not '" + target + "'");
        }
        if (!Files.isRegularFile(har)) {
            throw new OptionsException("no HAR file at " + har);
        }
        List<HarReader.Entry> entries = HarReader.read(har);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        Replayer replayer = new Replayer(client, target, ignoreHeaders);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Map<Outcome.Kind, Integer> counts = new EnumMap<>(Outcome.Kind.class);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                int index = i + 1;
                HarReader.Entry entry = entries.get(i);
                outcomes.add(pool.submit(() -> replayer.replay(index, entry)));
            }
            for (Future<Outcome> future : outcomes) {
                Outcome outcome = future.get();
                counts.merge(outcome.kind(), 1, Integer::sum);
                print(System.out, outcome);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("replay failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int match = counts.getOrDefault(Outcome.Kind.MATCH, 0);
        int different = counts.getOrDefault(Outcome.Kind.DIFFERENT, 0);
        int failed = counts.getOrDefault(Outcome.Kind.FAILED, 0);
        int skipped = counts.getOrDefault(Outcome.Kind.SKIPPED, 0);
        System.out.println("respawn: replayed " + entries.size() + " exchange" + (entries.size() == 1 ? "" : "s")
                + " against " + target + ": " + match + " match, " + different + " differ, " + failed + " failed"
                + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        return different + failed == 0 ? 0 : 1;
    }

    static void print(PrintStream out, Outcome outcome) {
        String verdict = switch (outcome.kind()) {
            case MATCH -> "ok  ";
            case DIFFERENT -> "DIFF";
            case FAILED -> "FAIL";
            case SKIPPED -> "skip";
        };
        out.println(verdict + " #" + outcome.index() + " " + outcome.request());
        outcome.lines().forEach(line -> out.println("     " + line));
    }
}
