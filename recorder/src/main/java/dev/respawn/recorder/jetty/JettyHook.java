package dev.respawn.recorder.jetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;

import dev.respawn.recorder.inject.AdvisingTransformer;
import dev.respawn.recorder.inject.ClassInjector;

/**
 * Makes Jetty 12 record its requests at its core: {@code Server.handle(Request, Response,
 * Callback)}, which every request passes first, so core {@code Handler}s and the servlet
 * environments (ee8 to ee11) inside them alike are recorded, once.
 */
public final class JettyHook {

    private JettyHook() {
    }

    public static void install(Instrumentation instrumentation) {
        ClassInjector.openClassLoader(instrumentation);
        instrumentation.addTransformer(new AdvisingTransformer("org/eclipse/jetty/server/Server", JettyAdvice.class,
                () -> named("handle").and(takesArguments(3)), "Jetty"), false);
    }
}
