package dev.respawn.agent.exceptions;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.respawn.reloader.agent.AtGo;
import dev.respawn.reloader.context.TransformedClasses;

/**
 * Puts an exit handler ({@link ExitHandlers}) in every method of the application's classes as
 * they load, and again into the new bytes of a class redefined by hot swap. Only method bodies
 * change (no field, no method is added), so classes stay redefinable.
 *
 * <p>It is a plain {@link ClassFileTransformer}, not Byte Buddy's agent builder: every class the
 * JVM loads after {@code premain} passes through it, and for all but the application's it decides
 * from the loader, the name and the code source alone, before any class file is parsed. Building
 * Byte Buddy's agent cost a debug-mode start some 1,100 classes and most of its CPU time.
 */
final class Instrumenter implements ClassFileTransformer {

    private static final int MAX_ERRORS_SAID = 3;

    private final AppClasses app;
    private final AtomicInteger errors = new AtomicInteger();
    private final TransformedClasses<ExitHandlers.Result> rewritten = new TransformedClasses<>();

    private Instrumenter(AppClasses app) {
        this.app = app;
    }

    static void install(AppClasses app, Instrumentation instrumentation) {
        instrumentation.addTransformer(new Instrumenter(app), false);
        // A warm worker loads and compiles the rewriting (ASM's and ours) while it waits,
        // on respawn's own classes: else the application's start pays it on its first classes.
        AtGo.ahead(() -> warmUp(new TransformedClasses<>()));
    }

    /** Rewrites a few of respawn's classes (rewritten bytes dropped), twice, as the application's would be. */
    static void warmUp(TransformedClasses<ExitHandlers.Result> kept) {
        List<byte[]> files = AtGo.classFiles(ExitHandlers.class, Instrumenter.class, Unwinder.class, Unwinding.class,
                ValueRenderer.class, Reporter.class, ReportJson.class, ReportText.class, ThrowableDescription.class,
                ExceptionReport.class, Redaction.class, RateLimit.class, AppClasses.class, ReportWriter.class);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < files.size(); i++) {
                kept.transform("warm-up/" + round + "/" + i, files.get(i), ExitHandlers::rewrite);
            }
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] bytes) {
        if (internalName == null || !app.matches(internalName.replace('/', '.'), loader, domain)) {
            return null;
        }
        try {
            // A restart inside the JVM loads a class folder's class files again: rewritten once, for
            // every life (a jar's classes load once).
            ExitHandlers.Result result = classBeingRedefined == null && app.fromDirectory(domain)
                    ? rewritten.transform(internalName, bytes, ExitHandlers::rewrite) : ExitHandlers.rewrite(bytes);
            if (result == null) {
                return null;
            }
            app.instrumented(result.className(), result.bridges());
            return result.bytes();
        } catch (Throwable t) {
            if (errors.incrementAndGet() <= MAX_ERRORS_SAID) {
                System.err.println("respawn: exceptions in " + internalName.replace('/', '.')
                        + " will not be captured (" + t + ")");
            }
            return null;
        }
    }
}
