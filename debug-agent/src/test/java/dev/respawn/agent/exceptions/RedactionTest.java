package dev.respawn.agent.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

/** Secrets never reach an exception report unless the user keeps them. */
class RedactionTest {

    private static final String BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.sig";
    private static final SecretNames SECRETS = new SecretNames(List.of("X-Shop-Key"), true);

    /** An application class holding credentials in fields of its own names. */
    static final class Client {
        private final String apiKey = "k-123456789";
        private final String dbPassword = "hunter22";
        private final String region = "north";
    }

    @Test
    void secretNamesAreFoundInAnyCaseAndSpelling() {
        assertThat(List.of("password", "dbPassword", "api_key", "apiKey", "X-Auth-Token", "authorization",
                "clientSecret", "CREDENTIALS", "Set-Cookie", "x-shop-key", "passwd")).allMatch(SECRETS::secret);
        assertThat(List.of("item", "quantity", "region", "author", "keyboard")).noneMatch(SECRETS::secret);
        assertThat(SecretNames.NONE.secret("password")).isFalse();
    }

    @Test
    void fieldsAndMapEntriesNamedSecretAreRedactedWhereverTheyAre() {
        ValueRenderer renderer = new ValueRenderer(2, SECRETS);
        Map<String, Object> headers = new TreeMap<>(Map.of("Authorization", List.of(BEARER), "Accept", List.of("*/*")));
        String map = renderer.render(headers);
        assertThat(map).contains("\"Authorization\"=[redacted]", "\"Accept\"=").doesNotContain("eyJ");
        String client = renderer.render(new Client());
        assertThat(client).contains("apiKey=[redacted]", "dbPassword=[redacted]", "region=\"north\"")
                .doesNotContain("k-123456789", "hunter22");
        assertThat(renderer.fields(new Client())).extracting(Map.Entry::getValue)
                .containsExactly("[redacted]", "[redacted]", "\"north\"");
    }

    @Test
    void theRequestsSecretHeaderValuesAreRedactedUnderAnyName() {
        Headers headers = new Headers();
        headers.add("Authorization", BEARER);
        headers.add("Cookie", "theme=dark; session=s3ss10n-value");
        headers.add("X-Shop-Key", "shop-key-value");
        headers.add("Accept", "text/plain");
        List<String> secrets = RequestSecrets.of(new Exchange(headers), SECRETS);
        assertThat(secrets).contains(BEARER, "s3ss10n-value", "shop-key-value").doesNotContain("text/plain");

        CapturedFrame frame = new CapturedFrame("a.Handler", "handle", "Handler.java", 3, "java.lang.Error",
                List.of(new CapturedFrame.Value("arg0", "java.lang.String", "\"" + BEARER + "\""),
                        new CapturedFrame.Value("header", "java.lang.String", "\"shop-key-value\""),
                        new CapturedFrame.Value("password", "java.lang.String", "\"x\""),
                        new CapturedFrame.Value("item", "java.lang.String", "\"book\"")),
                "Handler@1", List.of(new CapturedFrame.Value("last", null, "\"session: s3ss10n-value\"")),
                List.of(new CapturedFrame.Value("raw", null, "\"Basic dXNlcjpwYXNz\"")));
        CapturedFrame redacted = new Redaction(SECRETS).frames(List.of(frame), secrets).get(0);
        assertThat(redacted.arguments()).extracting(CapturedFrame.Value::value)
                .containsExactly("\"[redacted]\"", "\"[redacted]\"", "[redacted]", "\"book\"");
        assertThat(redacted.fields().get(0).value()).isEqualTo("\"session: [redacted]\"");
        assertThat(redacted.locals().get(0).value()).isEqualTo("\"Basic [redacted]\"");

        ThrowableDescription thrown = new ThrowableDescription("a.Denied", "token " + BEARER + " refused",
                List.of(), 0, null, List.of());
        assertThat(new Redaction(SECRETS).description(thrown, secrets).message()).isEqualTo("token [redacted] refused");
    }

    @Test
    void keepSecretsKeepsThem() {
        SecretNames kept = new SecretNames(List.of(), false);
        assertThat(new ValueRenderer(2, kept).render(new Client())).contains("hunter22");
        CapturedFrame frame = new CapturedFrame("a.B", "c", null, -1, "java.lang.Error",
                List.of(new CapturedFrame.Value("password", null, "\"hunter22\"")), null, List.of(), null);
        assertThat(new Redaction(kept).frames(List.of(frame), List.of("hunter22")).get(0).arguments().get(0).value())
                .isEqualTo("\"hunter22\"");
    }

    /** The JDK server's exchange, as far as reading a request's headers goes. */
    private static final class Exchange extends HttpExchange {
        private final Headers headers;

        Exchange(Headers headers) {
            this.headers = headers;
        }

        @Override
        public Headers getRequestHeaders() {
            return headers;
        }

        @Override
        public Headers getResponseHeaders() {
            return new Headers();
        }

        @Override
        public URI getRequestURI() {
            return URI.create("/x");
        }

        @Override
        public String getRequestMethod() {
            return "GET";
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
        }

        @Override
        public InputStream getRequestBody() {
            return InputStream.nullInputStream();
        }

        @Override
        public OutputStream getResponseBody() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void sendResponseHeaders(int code, long length) {
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getResponseCode() {
            return 0;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
