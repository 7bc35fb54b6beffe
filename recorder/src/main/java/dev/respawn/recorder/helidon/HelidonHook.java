package dev.respawn.recorder.helidon;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;

import dev.respawn.recorder.inject.AdvisingTransformer;
import dev.respawn.recorder.inject.ClassInjector;

/**
 * Makes Helidon SE 4's own server record its requests: at {@code HttpRoutingImpl.route}, which
 * every HTTP request passes, the request and response take stream filters (Helidon's own way to
 * see their bodies) that copy both bodies into the exchange; a response body sent in one piece
 * over HTTP/1 is recorded as it is sent instead (see {@link HelidonSendAdvice}), and journaled once
 * Helidon has laid it out, before it is written (see {@link HelidonBufferedAdvice}).
 */
public final class HelidonHook {

    private HelidonHook() {
    }

    public static void install(Instrumentation instrumentation) {
        ClassInjector.openClassLoader(instrumentation);
        instrumentation.addTransformer(new AdvisingTransformer("io/helidon/webserver/http/HttpRoutingImpl",
                HelidonAdvice.class, () -> named("route").and(takesArguments(3)), "Helidon"), false);
        instrumentation.addTransformer(new AdvisingTransformer("io/helidon/webserver/http1/Http1ServerResponse",
                HelidonSendAdvice.class, () -> named("send").and(takesArguments(byte[].class, int.class, int.class)),
                "Helidon's responses sent in one piece"), false);
        instrumentation.addTransformer(new AdvisingTransformer("io/helidon/webserver/http1/Http1ServerResponse",
                HelidonBufferedAdvice.class, () -> named("responseBuffer"), "Helidon's responses sent in one piece"), false);
    }
}
