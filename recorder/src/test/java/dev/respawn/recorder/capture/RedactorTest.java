package dev.respawn.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final List<Header> HEADERS = List.of(new Header("authorization", "Bearer x"),
            new Header("Cookie", "a=b"), new Header("X-Api-Key", "k"), new Header("Accept", "*/*"),
            new Header("Set-Cookie", "s=1"), new Header("Proxy-Authorization", "Basic y"));

    @Test
    void redactsTheSecretHeadersAndTheNamedOnesWhateverTheirCase() {
        assertThat(new Redactor(List.of("x-api-key"), false).redact(HEADERS)).containsExactly(
                new Header("authorization", "[redacted]"), new Header("Cookie", "[redacted]"),
                new Header("X-Api-Key", "[redacted]"), new Header("Accept", "*/*"),
                new Header("Set-Cookie", "[redacted]"), new Header("Proxy-Authorization", "[redacted]"));
    }

    @Test
    void keepsEverythingWhenAskedToKeepSecrets() {
        assertThat(new Redactor(List.of("X-Api-Key"), true).redact(HEADERS)).isEqualTo(HEADERS);
    }
}
