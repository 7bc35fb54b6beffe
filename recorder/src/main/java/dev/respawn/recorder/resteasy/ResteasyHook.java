package dev.respawn.recorder.resteasy;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;

import dev.respawn.recorder.inject.AdvisingTransformer;

/**
 * Ties the work RESTEasy Reactive (Quarkus REST) hands to a worker thread to the request it
 * serves: a blocking resource method runs off the event loop on which the Netty seam saw the
 * request, so an exception report or a request profile there would otherwise name no request.
 * Each request context remembers the exchange it was created under, and its {@code run()} serves it.
 */
public final class ResteasyHook {

    private static final String CONTEXT = "org/jboss/resteasy/reactive/common/core/AbstractResteasyReactiveContext";

    private ResteasyHook() {
    }

    public static void install(Instrumentation instrumentation) {
        instrumentation.addTransformer(new AdvisingTransformer(CONTEXT, CreatedAdvice.class, () -> isConstructor(),
                "RESTEasy Reactive"), false);
        instrumentation.addTransformer(new AdvisingTransformer(CONTEXT, RunAdvice.class,
                () -> named("run").and(takesArguments(0)), "RESTEasy Reactive"), false);
    }
}
