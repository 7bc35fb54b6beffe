package dev.respawn.recorder.inject;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines an advice class into the methods of one server class, by name, as it loads.
 *
 * <p>A plain transformer that compares one name, not Byte Buddy's {@code AgentBuilder} (whose set
 * up loads some 900 classes on every worker's start): a worker without that server pays nothing.
 */
public final class AdvisingTransformer implements ClassFileTransformer {

    private final String internalName;
    private final Class<?> advice;
    private final Supplier<? extends ElementMatcher<? super MethodDescription>> methods;
    private final String server;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param internalName the class to advise, e.g. {@code io/undertow/server/Connectors}
     * @param methods which of its methods, made only once the class loads: Byte Buddy's matchers on
     *     types (takesArguments(byte[].class, ...)) load a few hundred of its classes and spin proxies,
     *     40 to 110 ms of every debug-mode worker's start when made in premain for servers it does not run
     * @param server the server's name for the one line said if the class cannot be advised
     */
    public AdvisingTransformer(String internalName, Class<?> advice,
            Supplier<? extends ElementMatcher<? super MethodDescription>> methods, String server) {
        this.internalName = internalName;
        this.advice = advice;
        this.methods = methods;
        this.server = server;
    }

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
        if (loader == null || redefined != null || !internalName.equals(name)) {
            return null;
        }
        try {
            return advise(loader, bytes);
        } catch (Throwable t) {
            if (warned.compareAndSet(false, true)) {
                System.err.println("respawn: the recorder could not hook " + server + " (" + t
                        + "); its HTTP requests are not recorded");
            }
            return null;
        }
    }

    byte[] advise(ClassLoader loader, byte[] bytes) {
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                ClassFileLocator.ForClassLoader.of(loader));
        return new ByteBuddy()
                .redefine(TypePool.Default.of(locator).describe(name).resolve(), locator)
                .visit(Advice.to(advice).on(methods.get()))
                .make()
                .getBytes();
    }
}
