package dev.respawn.recorder.servlet.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import jakarta.servlet.http.HttpServletResponse;

class RecordingResponseTest {

    private final List<RecordedExchange> journal = new CopyOnWriteArrayList<>();
    private final Recorder recorder = new Recorder(1024, new Redactor(List.of(), false), journal::add,
            Clock.systemUTC(), 1);

    /** The container's response, as far as finishing an exchange looks at it. */
    private static HttpServletResponse containerResponse(boolean committed) {
        return (HttpServletResponse) Proxy.newProxyInstance(RecordingResponseTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "isCommitted" -> committed;
                    case "getStatus" -> 200;
                    case "getHeaderNames", "getHeaders" -> List.of();
                    case "getContentType" -> "text/plain";
                    case "setLocale" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aFailureAfterTheResponseWasCommittedCutItShortAndIsRecordedAsAborted() {
        RecordingResponse response = new RecordingResponse(containerResponse(true), recorder.begin());

        response.finish(new IOException("Broken pipe"));

        assertThat(journal).singleElement().satisfies(exchange -> {
            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.error()).isEqualTo("the response never completed: java.io.IOException: Broken pipe");
        });
    }

    @Test
    void aFailureBeforeTheResponseWasCommittedIsTheContainers500() {
        RecordingResponse response = new RecordingResponse(containerResponse(false), recorder.begin());

        response.finish(new IllegalStateException("boom"));

        assertThat(journal).singleElement().satisfies(exchange -> {
            assertThat(exchange.status()).isEqualTo(500);
            assertThat(exchange.error()).isNull();
        });
    }

    @Test
    void theLanguageSetBeforeCommittingIsRecordedThoughTomcatListsItOnlyOnceCommitted() {
        RecordingResponse response = new RecordingResponse(containerResponse(false), recorder.begin());

        response.setLocale(java.util.Locale.forLanguageTag("de-CH"));
        response.finish(null);

        assertThat(journal).singleElement().satisfies(exchange -> assertThat(exchange.responseHeaders())
                .contains(new dev.respawn.recorder.capture.Header("Content-Language", "de-CH")));
    }
}
