package dev.respawn.agent.exceptions;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isDefaultFinalizer;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.utility.JavaModule;

/**
 * Puts {@link ExitAdvice} at the exit of every method of the application's classes as they
 * load. Only method bodies change (no field, no method is added), so classes stay redefinable
 * by hot swap, and the class loading path does nothing for any class that is not the
 * application's.
 */
final class Instrumenter {

    private static final int MAX_ERRORS_SAID = 3;
    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    private Instrumenter() {
    }

    static void install(AppClasses app, Instrumentation instrumentation) {
        Advice advice = Advice.withCustomMapping()
                .bind(ParameterNames.class, (Advice.OffsetMapping) (type, method, assigner, arguments, sort) ->
                        new Advice.OffsetMapping.Target.ForStackManipulation(new TextConstant(names(method))))
                .to(ExitAdvice.class);
        // AgentBuilder.Default builds a Nexus injector eagerly, even though disableClassFormatChanges()
        // never uses it, and the injector touches sun.misc.Unsafe: Java 24+ warns about that on the
        // application's terminal. The name is relocated with Byte Buddy, so only our copy reads it.
        if (System.getProperty(NEXUS_DISABLED) == null) {
            System.setProperty(NEXUS_DISABLED, "true");
        }
        // Byte Buddy leaves synthetic methods alone by default; lambda bodies are synthetic, and
        // often the application's outermost frame (a handler written as a lambda).
        new AgentBuilder.Default(new ByteBuddy().ignore(isDefaultFinalizer()))
                .disableClassFormatChanges()
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                // Parameter names from the MethodParameters attribute, else from the local variable
                // table (-g without -parameters: plain Maven and Gradle builds), not arg0, arg1.
                .with(AgentBuilder.PoolStrategy.Default.EXTENDED)
                .with(new Listener(app))
                // The default ignore matcher reads every loaded class's modifiers (a parse of its
                // class file); AppClasses decides from the loader and the code source alone.
                .ignore(none())
                .type(app)
                .transform((builder, type, loader, module, domain) -> builder.visit(advice.on(isMethod()
                        .and(not(isAbstract())).and(not(isNative())).and(not(isBridge()))
                        .and(not(nameStartsWith("$"))))))
                .installOn(instrumentation);
    }

    private static String names(MethodDescription method) {
        return method.getParameters().stream().map(ParameterDescription::getName).collect(Collectors.joining(","));
    }

    /** Remembers what was instrumented, and says (a few times at most) what could not be. */
    private static final class Listener extends AgentBuilder.Listener.Adapter {
        private final AppClasses app;
        private final AtomicInteger errors = new AtomicInteger();

        Listener(AppClasses app) {
            this.app = app;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            app.instrumented(type);
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            if (errors.incrementAndGet() <= MAX_ERRORS_SAID) {
                System.err.println("respawn: exceptions in " + typeName + " will not be captured (" + error + ")");
            }
        }
    }
}
