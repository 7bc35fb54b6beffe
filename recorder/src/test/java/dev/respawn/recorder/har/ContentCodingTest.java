package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

class ContentCodingTest {

    private static final String TEXT = "line of decoded text\n".repeat(200);

    @TempDir
    Path temp;
    private Path har;

    @Test
    void gzipAndBothKindsOfDeflateDecode() throws IOException {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(ContentCoding.decode("gzip", gzip(text), false)).hasValueSatisfying(d -> {
            assertThat(d.bytes()).isEqualTo(text);
            assertThat(d.complete()).isTrue();
        });
        assertThat(ContentCoding.decode(" X-GZIP ", gzip(text), false)).isPresent();
        assertThat(ContentCoding.decode("deflate", deflate(text, false), false).orElseThrow().bytes()).isEqualTo(text);
        assertThat(ContentCoding.decode("deflate", deflate(text, true), false).orElseThrow().bytes()).isEqualTo(text);
    }

    @Test
    void otherCodingsAndBytesThatAreNotWhatTheySayStayAsRecorded() throws IOException {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(ContentCoding.decode("br", gzip(text), false)).isEmpty();
        assertThat(ContentCoding.decode("gzip, br", gzip(text), false)).isEmpty();
        assertThat(ContentCoding.decode(null, gzip(text), false)).isEmpty();
        assertThat(ContentCoding.decode("gzip", text, false)).isEmpty();
        byte[] corrupt = gzip(text);
        corrupt[corrupt.length / 2] ^= 0x55;
        assertThat(ContentCoding.decode("gzip", corrupt, false)).isEmpty();
        assertThat(ContentCoding.decode("gzip", Arrays.copyOf(gzip(text), 30), false))
                .as("a body not cut at the limit that ends early is damaged").isEmpty();
    }

    @Test
    void aBodyCutAtTheLimitDecodesAsFarAsItGoes() throws IOException {
        byte[] random = new byte[20_000];
        new Random(7).nextBytes(random);
        byte[] encoded = gzip(random);
        ContentCoding decoded = ContentCoding.decode("gzip", Arrays.copyOf(encoded, 8_000), true).orElseThrow();
        assertThat(decoded.complete()).isFalse();
        assertThat(decoded.bytes().length).isBetween(4_000, 8_000);
        assertThat(decoded.bytes()).isEqualTo(Arrays.copyOf(random, decoded.bytes().length));
    }

    @Test
    void theHarHoldsTheDecodedTextItsSizeAndTheBytesSavedAndReplayReadsItBack() throws IOException {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = gzip(text);
        JsonObject response = harResponse(new Body(encoded, encoded.length), "gzip");
        JsonObject content = response.getAsJsonObject("content");
        assertThat(content.get("text").getAsString()).isEqualTo(TEXT);
        assertThat(content.has("encoding")).isFalse();
        assertThat(content.get("size").getAsLong()).isEqualTo(text.length);
        assertThat(content.get("compression").getAsLong()).isEqualTo(text.length - encoded.length);
        assertThat(response.get("bodySize").getAsLong()).isEqualTo(encoded.length);

        HarReader.Entry entry = HarReader.read(har).get(0);
        assertThat(entry.responseBody()).isEqualTo(text);
        assertThat(entry.responseSize()).isEqualTo(text.length);
    }

    @Test
    void aGzipRequestBodyIsWrittenDecodedAndReplaySendsTheBytesAsTheyWereSent() throws IOException {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = gzip(text);
        Journal journal = Journal.create(temp.resolve("recordings"), 42, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        List<Header> headers = List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Content-Encoding", "gzip"));
        journal.accept(new RecordedExchange("42-1", 42, Instant.EPOCH, 1, "POST", "http://localhost:8080/upload",
                "HTTP/1.1", headers, new Body(encoded, encoded.length), 204, List.of(), Body.EMPTY));
        journal.close();
        har = HarFile.convert(journal.path(), "test").har();
        JsonObject request = JsonParser.parseString(Files.readString(har)).getAsJsonObject().getAsJsonObject("log")
                .getAsJsonArray("entries").get(0).getAsJsonObject().getAsJsonObject("request");
        JsonObject postData = request.getAsJsonObject("postData");
        assertThat(postData.get("text").getAsString()).isEqualTo(TEXT);
        assertThat(postData.has("_encoding")).as("base64").isFalse();
        assertThat(request.get("bodySize").getAsLong()).isEqualTo(encoded.length);

        HarReader.Entry entry = HarReader.read(har).get(0);
        assertThat(entry.requestBody()).isEqualTo(encoded);
        assertThat(entry.requestTruncated()).isFalse();
    }

    @Test
    void aDeflateRequestBodyCutAtTheLimitIsDecodedAsFarAsItGoesAndNotReplayed() throws IOException {
        byte[] random = new byte[20_000];
        new Random(7).nextBytes(random);
        String hex = HexFormat.of().formatHex(random);
        byte[] encoded = deflate(hex.getBytes(StandardCharsets.US_ASCII), false);
        Journal journal = Journal.create(temp.resolve("recordings"), 42, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        journal.accept(new RecordedExchange("42-1", 42, Instant.EPOCH, 1, "POST", "http://localhost:8080/upload",
                "HTTP/1.1", List.of(new Header("Content-Type", "text/plain"), new Header("Content-Encoding", "deflate")),
                new Body(Arrays.copyOf(encoded, 4_000), encoded.length), 204, List.of(), Body.EMPTY));
        journal.close();
        har = HarFile.convert(journal.path(), "test").har();
        JsonObject postData = JsonParser.parseString(Files.readString(har)).getAsJsonObject().getAsJsonObject("log")
                .getAsJsonArray("entries").get(0).getAsJsonObject().getAsJsonObject("request")
                .getAsJsonObject("postData");
        assertThat(postData.get("text").getAsString()).isNotEmpty();
        assertThat(hex).startsWith(postData.get("text").getAsString());
        assertThat(postData.get("_truncated").getAsBoolean()).isTrue();
        assertThat(HarReader.read(har).get(0).requestTruncated()).isTrue();
    }

    @Test
    void aBrotliBodyStaysAsRecordedInBase64() throws IOException {
        byte[] encoded = {(byte) 0x8b, 0x02, (byte) 0x80, 0x68, 0x69, 0x03};
        JsonObject content = harResponse(new Body(encoded, encoded.length), "br").getAsJsonObject("content");
        assertThat(content.get("encoding").getAsString()).isEqualTo("base64");
        assertThat(content.get("size").getAsLong()).isEqualTo(encoded.length);
        assertThat(content.has("compression")).isFalse();
    }

    @Test
    void aGzipBodyCutAtTheLimitIsDecodedAsFarAsItGoesAndMarkedTruncated() throws IOException {
        byte[] random = new byte[20_000];
        new Random(7).nextBytes(random);
        String hex = HexFormat.of().formatHex(random);
        byte[] encoded = gzip(hex.getBytes(StandardCharsets.US_ASCII));
        JsonObject content = harResponse(new Body(Arrays.copyOf(encoded, 4_000), encoded.length), "gzip")
                .getAsJsonObject("content");
        String text = content.get("text").getAsString();
        assertThat(text).isNotEmpty();
        assertThat(hex).startsWith(text);
        assertThat(content.get("_truncated").getAsBoolean()).isTrue();
        assertThat(content.has("compression")).isFalse();

        HarReader.Entry entry = HarReader.read(har).get(0);
        assertThat(entry.responseSize()).isEqualTo(HarReader.UNKNOWN_SIZE);
    }

    private JsonObject harResponse(Body body, String coding) throws IOException {
        Journal journal = Journal.create(temp.resolve("recordings"), 42, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        journal.accept(new RecordedExchange("42-1", 42, Instant.EPOCH, 1, "GET", "http://localhost:8080/text",
                "HTTP/1.1", List.of(new Header("Accept-Encoding", "gzip, deflate, br")), Body.EMPTY, 200,
                List.of(new Header("Content-Type", "text/plain; charset=utf-8"), new Header("Content-Encoding", coding)),
                body));
        journal.close();
        har = HarFile.convert(journal.path(), "test").har();
        return JsonParser.parseString(Files.readString(har)).getAsJsonObject().getAsJsonObject("log")
                .getAsJsonArray("entries").get(0).getAsJsonObject().getAsJsonObject("response");
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            deflate.write(bytes);
        }
        return out.toByteArray();
    }
}
