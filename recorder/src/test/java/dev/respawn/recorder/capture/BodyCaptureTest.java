package dev.respawn.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BodyCaptureTest {

    @Test
    void keepsTheFirstBytesUpToTheLimitAndCountsAll() {
        BodyCapture capture = new BodyCapture(5);
        capture.write("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        capture.write('d');
        capture.write("efghij".getBytes(StandardCharsets.US_ASCII), 1, 4);

        Body body = capture.body();
        assertThat(new String(body.kept(), StandardCharsets.US_ASCII)).isEqualTo("abcdf");
        assertThat(body.size()).isEqualTo(8);
        assertThat(body.truncated()).isTrue();
    }

    @Test
    void aBodyWithinTheLimitIsWholeAndNotTruncated() {
        BodyCapture capture = new BodyCapture(1 << 20);
        capture.write("Grüße".toCharArray(), 0, 5, StandardCharsets.UTF_8);

        Body body = capture.body();
        assertThat(new String(body.kept(), StandardCharsets.UTF_8)).isEqualTo("Grüße");
        assertThat(body.size()).isEqualTo(7);
        assertThat(body.truncated()).isFalse();
    }

    @Test
    void neverGrowsPastTheLimitHoweverMuchPasses() {
        BodyCapture capture = new BodyCapture(1000);
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 100; i++) {
            capture.write(chunk, 0, chunk.length);
        }
        assertThat(capture.body().kept()).hasSize(1000);
        assertThat(capture.size()).isEqualTo(100L * chunk.length);
    }

    @Test
    void copiesFromAnyPlaceOfADirectBufferAndLeavesItsPositionAlone() {
        ByteBuffer direct = ByteBuffer.allocateDirect(16).put("0123456789".getBytes(StandardCharsets.US_ASCII)).flip();
        direct.position(2);
        BodyCapture capture = new BodyCapture(6);
        capture.write(direct, 3, 4);
        capture.write(direct);
        capture.write(direct, 0, 0);
        capture.write(direct, 0, -1);

        Body body = capture.body();
        assertThat(new String(body.kept(), StandardCharsets.US_ASCII)).isEqualTo("345623");
        assertThat(body.size()).isEqualTo(4 + 8);
        assertThat(direct.position()).isEqualTo(2);
        assertThat(direct.limit()).isEqualTo(10);
    }

    @Test
    void nothingWrittenIsTheEmptyBody() {
        assertThat(new BodyCapture(10).body()).isSameAs(Body.EMPTY);
    }
}
