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

    @Test
    void namesOfAnyLengthAreRedactedAndSameLengthNamesAreNot() {
        String longName = "X-" + "Very-Long-".repeat(8) + "Token";
        Redactor redactor = new Redactor(List.of(longName), false);
        List<Header> headers = List.of(new Header(longName.toUpperCase(java.util.Locale.ROOT), "t"),
                new Header("Cookies", "c"), new Header("Accept", "*/*"), new Header("Set-Cookie-", "s"));

        assertThat(redactor.redact(headers)).containsExactly(new Header(headers.get(0).name(), "[redacted]"),
                headers.get(1), headers.get(2), headers.get(3));
        List<Header> open = headers.subList(1, 4);
        assertThat(redactor.redact(open)).as("the same list when nothing is secret").isSameAs(open);
    }

    @Test
    void aListRedactedAgainComesOutTheSameAndAChangedListIsRedactedAnew() {
        Redactor redactor = new Redactor(List.of(), false);
        List<Header> request = List.of(new Header("Cookie", "c=1"), new Header("Host", "h"));
        List<Header> response = List.of(new Header("Content-Type", "text/plain"));
        List<Header> first = redactor.redact(request);

        assertThat(redactor.redact(response)).isSameAs(response);
        assertThat(redactor.redact(request)).isSameAs(first)
                .containsExactly(new Header("Cookie", Redactor.REDACTED), new Header("Host", "h"));
        java.util.ArrayList<Header> changing = new java.util.ArrayList<>(List.of(new Header("Host", "h")));
        assertThat(redactor.redact(changing)).containsExactly(new Header("Host", "h"));
        changing.add(new Header("Authorization", "Bearer t"));
        assertThat(redactor.redact(changing)).containsExactly(new Header("Host", "h"),
                new Header("Authorization", Redactor.REDACTED));
    }
}
