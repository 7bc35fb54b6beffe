package dev.respawn.recorder.undertow;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;

import dev.respawn.recorder.inject.AdvisingTransformer;
import dev.respawn.recorder.inject.ClassInjector;

/**
 * Makes Undertow record its requests at its core: {@code Connectors.executeRootHandler}, which
 * runs the root {@code HttpHandler} of every request (and again on each thread it is dispatched
 * to), so core handlers and Undertow's servlet layer alike are recorded, once.
 */
public final class UndertowHook {

    private UndertowHook() {
    }

    public static void install(Instrumentation instrumentation) {
        ClassInjector.openClassLoader(instrumentation);
        instrumentation.addTransformer(new AdvisingTransformer("io/undertow/server/Connectors", UndertowAdvice.class,
                () -> named("executeRootHandler").and(takesArguments(2)), "Undertow"), false);
    }
}
