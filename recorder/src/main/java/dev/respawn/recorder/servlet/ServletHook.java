package dev.respawn.recorder.servlet;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Makes every Jakarta and javax servlet container record its requests: {@link ServletAdvice} is
 * inlined into {@code HttpServlet.service(ServletRequest, ServletResponse)} and into every
 * {@code FilterChain.doFilter}, whichever the container calls first for a request.
 */
public final class ServletHook {

    private ServletHook() {
    }

    public static void install(Instrumentation instrumentation) {
        WrapperInjector.openClassLoader(instrumentation);
        AtomicBoolean warned = new AtomicBoolean();
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE_FROZEN)
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                            Throwable throwable) {
                        if (warned.compareAndSet(false, true)) {
                            System.err.println("respawn: the recorder could not hook " + typeName + " (" + throwable
                                    + "); its requests are not recorded");
                        }
                    }
                })
                .ignore(nameStartsWith("java.").or(nameStartsWith("jdk.")).or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun.")).or(nameStartsWith("dev.respawn."))
                        .or(nameStartsWith("net.bytebuddy.")))
                .type(named("jakarta.servlet.http.HttpServlet").or(named("javax.servlet.http.HttpServlet")))
                .transform((builder, type, loader, module, domain) -> advise(builder, "service"))
                .type(not(isInterface()).and(hasSuperType(
                        named("jakarta.servlet.FilterChain").or(named("javax.servlet.FilterChain")))))
                .transform((builder, type, loader, module, domain) -> advise(builder, "doFilter"))
                .installOn(instrumentation);
    }

    private static DynamicType.Builder<?> advise(DynamicType.Builder<?> builder, String method) {
        return builder.visit(Advice.to(ServletAdvice.class).on(named(method).and(not(isAbstract()))
                .and(takesArguments(2)).and(takesArgument(0, nameEndsWith(".servlet.ServletRequest")))
                .and(takesArgument(1, nameEndsWith(".servlet.ServletResponse")))));
    }

}
