package dev.respawn.recorder.servlet;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;

import dev.respawn.recorder.inject.AdvisingTransformer;
import dev.respawn.recorder.inject.ClassInjector;

/**
 * Makes every Jakarta and javax servlet container record its requests: {@link ServletAdvice} is
 * inlined into {@code HttpServlet.service(ServletRequest, ServletResponse)} and into the
 * {@code doFilter} of each class that implements {@code FilterChain} itself (Tomcat's, Jetty's
 * and Undertow's chains all do), whichever the container calls first for a request; and
 * {@link FormBodyAdvice} into Tomcat's own reading of the form posts it parses.
 */
public final class ServletHook {

    private ServletHook() {
    }

    public static void install(Instrumentation instrumentation) {
        ClassInjector.openClassLoader(instrumentation);
        // The agent starts before main: no servlet class is loaded yet, none to retransform.
        instrumentation.addTransformer(new ServletTransformer(), false);
        instrumentation.addTransformer(new AdvisingTransformer("org/apache/catalina/connector/Request",
                FormBodyAdvice.class, () -> namedOneOf("readPostBodyFully", "readChunkedPostBody"), "Tomcat's form posts"),
                false);
        instrumentation.addTransformer(new AdvisingTransformer("org/apache/catalina/connector/Response",
                ResponseFinishAdvice.class, () -> named("finishResponse").and(takesArguments(0)), "Tomcat's error pages"),
                false);
        instrumentation.addTransformer(new AdvisingTransformer("org/apache/catalina/connector/Response",
                ReporterAdvice.class, () -> named("getReporter").and(takesArguments(0)), "Tomcat's error reports"), false);
    }
}
