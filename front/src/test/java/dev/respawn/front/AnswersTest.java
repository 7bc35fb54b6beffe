package dev.respawn.front;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void theHtmlPageEscapesWhatTheWorkerPrinted() {
        String page = Answers.html(503, "The application is not serving", "Exception in <main> & \"quotes\"");
        assertThat(page).contains("<h1>503 The application is not serving</h1>")
                .contains("Exception in &lt;main&gt; &amp; &quot;quotes&quot;").doesNotContain("<main>");
    }
}
