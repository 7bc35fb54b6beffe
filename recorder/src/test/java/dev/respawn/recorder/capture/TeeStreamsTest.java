package dev.respawn.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TeeStreamsTest {

    @Test
    void theApplicationReadsExactlyWhatItWouldAndTheCaptureHasIt() throws IOException {
        byte[] body = "hello, world".getBytes(StandardCharsets.US_ASCII);
        BodyCapture capture = new BodyCapture(100);
        try (TeeInputStream in = new TeeInputStream(new ByteArrayInputStream(body), capture)) {
            assertThat(in.read()).isEqualTo('h');
            assertThat(in.readAllBytes()).isEqualTo("ello, world".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.markSupported()).isFalse();
        }
        assertThat(capture.body().kept()).isEqualTo(body);
    }

    @Test
    void journalsOnCloseBeforeTheServerStreamCloses() throws IOException {
        List<String> events = new ArrayList<>();
        OutputStream server = new ByteArrayOutputStream() {
            @Override
            public void close() {
                events.add("server closed");
            }
        };
        BodyCapture capture = new BodyCapture(100);
        TeeOutputStream out = new TeeOutputStream(server, capture, () -> -1, () -> events.add("journaled"));
        out.write("abc".getBytes(StandardCharsets.US_ASCII));
        out.close();
        out.close();
        assertThat(events).containsExactly("journaled", "server closed", "server closed");
        assertThat(capture.body().kept()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void journalsBeforeTheWriteThatCompletesADeclaredLength() throws IOException {
        List<String> events = new ArrayList<>();
        OutputStream server = new OutputStream() {
            @Override
            public void write(int b) {
                events.add("wrote");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                events.add("wrote " + len);
            }
        };
        BodyCapture capture = new BodyCapture(100);
        TeeOutputStream out = new TeeOutputStream(server, capture, () -> 5, () -> events.add("journaled"));
        out.write(new byte[3]);
        out.write(new byte[2]);
        out.close();
        assertThat(events).containsExactly("wrote 3", "journaled", "wrote 2");
        assertThat(capture.size()).isEqualTo(5);
    }
}
