package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BodyTextTest {

    @Test
    void textTypesStayTextInTheirCharset() {
        byte[] latin = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BodyText.of(latin, false, "text/plain; charset=ISO-8859-1")).isEqualTo(new BodyText("café", false));
        assertThat(BodyText.of("{\"a\":\"ü\"}".getBytes(StandardCharsets.UTF_8), false, "application/problem+json"))
                .isEqualTo(new BodyText("{\"a\":\"ü\"}", false));
    }

    @Test
    void binaryIsBase64AndComesBackByteForByte() {
        byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0xfe};
        BodyText text = BodyText.of(bytes, false, "application/octet-stream");
        assertThat(text.base64()).isTrue();
        assertThat(Base64.getDecoder().decode(text.text())).isEqualTo(bytes);
        assertThat(BodyText.bytes(text.text(), true, "application/octet-stream")).isEqualTo(bytes);
    }

    @Test
    void withoutATypeUtf8TextIsTextAndAnythingElseBase64() {
        assertThat(BodyText.of("plain words\n".getBytes(StandardCharsets.UTF_8), false, null).base64()).isFalse();
        assertThat(BodyText.of(new byte[] {'a', 0, 'b'}, false, null).base64()).isTrue();
        assertThat(BodyText.of(new byte[] {(byte) 0xc3, (byte) 0x28}, false, "text/plain").base64()).isTrue();
    }

    @Test
    void aTextBodyCutInsideACharacterStaysText() {
        byte[] full = "aü".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(full, 2);
        assertThat(BodyText.of(cut, true, "text/plain; charset=utf-8")).isEqualTo(new BodyText("a", false));
    }
}
