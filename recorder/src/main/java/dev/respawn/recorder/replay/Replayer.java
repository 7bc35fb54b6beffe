package dev.respawn.recorder.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.recorder.capture.Redactor;
import dev.respawn.recorder.har.ContentCoding;
import dev.respawn.recorder.har.HarReader;

/** Sends one recorded request again to a target and compares the answer with the recorded one. */
public final class Replayer {

    /** Response headers that differ on every exchange, never compared. */
    public static final List<String> IGNORED_BY_DEFAULT = List.of("Date", "Content-Length", "Transfer-Encoding",
            "Connection", "Keep-Alive");

    /**
     * Request headers the client sets itself, or that would change the response's encoding
     * (Accept-Encoding goes out narrowed to what a replay decodes: {@link #decodable}).
     */
    private static final Set<String> NOT_SENT = caseInsensitive(List.of("Host", "Content-Length", "Connection",
            "Expect", "Upgrade", "Transfer-Encoding", "Keep-Alive", "TE", "Trailer", "Proxy-Connection",
            "Accept-Encoding", "HTTP2-Settings"));

    private final HttpClient client;
    private final URI target;
    private final Set<String> ignored;

    public Replayer(HttpClient client, URI target, List<String> moreIgnored) {
        this.client = client;
        this.target = target;
        List<String> all = new ArrayList<>(IGNORED_BY_DEFAULT);
        all.addAll(moreIgnored);
        this.ignored = caseInsensitive(all);
    }

    public Outcome replay(int index, HarReader.Entry entry) {
        URI recorded = URI.create(entry.url());
        String path = recorded.getRawPath() + (recorded.getRawQuery() == null ? "" : "?" + recorded.getRawQuery());
        String label = entry.method() + " " + path;
        if (entry.requestTruncated()) {
            return new Outcome(index, label, Outcome.Kind.SKIPPED,
                    List.of("the recording kept only part of the request body (--recorder-body-limit)"));
        }
        if (entry.error() != null) {
            return new Outcome(index, label, Outcome.Kind.SKIPPED, List.of("the recording has no whole response to "
                    + "compare with (" + entry.error() + ")"));
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request(entry, path), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(index, label, Outcome.Kind.FAILED, List.of(String.valueOf(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(index, label, Outcome.Kind.FAILED, List.of("interrupted"));
        }
        List<String> differences = new ArrayList<>();
        if (response.statusCode() != entry.status()) {
            differences.add("status " + entry.status() + " -> " + response.statusCode());
        }
        compareHeaders(entry.responseHeaders(), origin(URI.create(entry.url())), response.headers().map(), differences);
        compareBodies(entry, decoded(response), differences);
        return new Outcome(index, label, differences.isEmpty() ? Outcome.Kind.MATCH : Outcome.Kind.DIFFERENT,
                differences);
    }

    /** The body as the recording holds it: decoded when it came gzip or deflate (and decodes). */
    private static byte[] decoded(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Encoding")
                .flatMap(coding -> ContentCoding.decode(coding, response.body(), false))
                .map(ContentCoding::bytes).orElse(response.body());
    }

    private HttpRequest request(HarReader.Entry entry, String path) {
        String base = target.toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(entry.method(), entry.requestBody().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(entry.requestBody()));
        for (Header header : entry.requestHeaders()) {
            if (!NOT_SENT.contains(header.name()) && !header.name().startsWith(":")
                    && !Redactor.REDACTED.equals(header.value())) {
                builder.header(header.name(), header.value());
            }
        }
        String coding = RecordedExchange.first(entry.responseHeaders(), "Content-Encoding");
        String accepted = decodable(RecordedExchange.first(entry.requestHeaders(), "Accept-Encoding"));
        if (coding != null && ContentCoding.decodes(coding) && !accepted.isEmpty()) {
            builder.header("Accept-Encoding", accepted);
        }
        return builder.build();
    }

    /**
     * Of the codings the recorded client accepted, those a replay decodes: asked for when the
     * recorded response came in one of them, so that the server answers as it did (gzip again,
     * its headers the same), never in a coding we cannot compare, nor coded where it was not.
     */
    static String decodable(String acceptEncoding) {
        if (acceptEncoding == null) {
            return "";
        }
        StringJoiner accepted = new StringJoiner(", ");
        for (String coding : acceptEncoding.split(",")) {
            String name = coding.split(";", 2)[0];
            if (ContentCoding.decodes(name)) {
                accepted.add(coding.strip());
            }
        }
        return accepted.toString();
    }

    private void compareHeaders(List<Header> recorded, String recordedOrigin, Map<String, List<String>> now,
            List<String> differences) {
        Map<String, List<String>> then = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : recorded) {
            if (!ignored.contains(header.name()) && !Redactor.REDACTED.equals(header.value())) {
                then.computeIfAbsent(header.name(), name -> new ArrayList<>()).add(retarget(header.value(), recordedOrigin));
            }
        }
        Map<String, List<String>> actual = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        now.forEach((name, values) -> {
            if (!ignored.contains(name) && !name.startsWith(":") && !name.equalsIgnoreCase("Set-Cookie")) {
                actual.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        then.forEach((name, values) -> {
            List<String> current = actual.get(name);
            if (current == null) {
                differences.add("header " + name + ": " + values + " -> (none)");
            } else if (!current.equals(values)) {
                differences.add("header " + name + ": " + values + " -> " + current);
            }
        });
        actual.forEach((name, values) -> {
            if (!then.containsKey(name) && !isRedactedThen(recorded, name)) {
                differences.add("header " + name + ": (none) -> " + values);
            }
        });
    }

    /**
     * A URL of the recorded server (an absolute redirect's Location: Spring Boot's Tomcat writes
     * them so) is expected to name the target now, as the same application run elsewhere names it.
     */
    private String retarget(String value, String recordedOrigin) {
        String targetOrigin = origin(target);
        if (recordedOrigin == null || targetOrigin == null || !value.startsWith(recordedOrigin)) {
            return value;
        }
        String rest = value.substring(recordedOrigin.length());
        return rest.isEmpty() || "/?#".indexOf(rest.charAt(0)) >= 0 ? targetOrigin + rest : value;
    }

    /** {@code scheme://authority}, or null for a URI without them. */
    private static String origin(URI uri) {
        return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                : uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static boolean isRedactedThen(List<Header> recorded, String name) {
        return recorded.stream().anyMatch(h -> h.name().equalsIgnoreCase(name) && Redactor.REDACTED.equals(h.value()));
    }

    private static void compareBodies(HarReader.Entry entry, byte[] now, List<String> differences) {
        byte[] then = entry.responseBody();
        boolean unknownSize = entry.responseSize() == HarReader.UNKNOWN_SIZE;
        boolean truncated = unknownSize || entry.responseSize() > then.length;
        byte[] compared = truncated ? Arrays.copyOf(now, Math.min(now.length, then.length)) : now;
        if (truncated && !unknownSize && now.length != entry.responseSize()) {
            differences.add("body size " + entry.responseSize() + " -> " + now.length + " bytes");
        }
        if (!Arrays.equals(then, compared)) {
            differences.add("body differs" + (truncated ? " (in the first " + then.length + " bytes recorded)" : "") + ":");
            TextDiff.of(then, compared).forEach(line -> differences.add("  " + line));
        }
    }

    private static Set<String> caseInsensitive(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.forEach(name -> set.add(name.strip().toLowerCase(Locale.ROOT)));
        return set;
    }
}
