package dev.respawn.recorder.netty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicBoolean;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines {@link NettyAdvice} into each of {@code DefaultChannelPipeline}'s methods that add one
 * handler (every other way of adding handlers ends in one of them). A plain transformer that
 * compares one name, as {@code ServletTransformer} does, so that workers without Netty pay nothing.
 */
final class NettyTransformer implements ClassFileTransformer {

    static final String PIPELINE = "io/netty/channel/DefaultChannelPipeline";
    private static final String HANDLER = "io.netty.channel.ChannelHandler";

    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
        if (loader == null || redefined != null || !PIPELINE.equals(name)) {
            return null;
        }
        try {
            return advise(loader, bytes);
        } catch (Throwable t) {
            if (warned.compareAndSet(false, true)) {
                System.err.println("respawn: the recorder could not hook Netty (" + t
                        + "); its HTTP requests are not recorded");
            }
            return null;
        }
    }

    static byte[] advise(ClassLoader loader, byte[] bytes) {
        String name = PIPELINE.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                ClassFileLocator.ForClassLoader.of(loader));
        return new ByteBuddy()
                .redefine(TypePool.Default.of(locator).describe(name).resolve(), locator)
                .visit(Advice.to(NettyAdvice.class).on(addsOneHandler()))
                .make()
                .getBytes();
    }

    /** addFirst/addLast(group, name, handler), addBefore/addAfter(group, base, name, handler), replace(old, name, handler). */
    static ElementMatcher.Junction<MethodDescription> addsOneHandler() {
        return namedOneOf("addFirst", "addLast", "replace").and(takesArguments(3))
                .and(takesArgument(2, named(HANDLER)))
                .or(namedOneOf("addBefore", "addAfter").and(takesArguments(4)).and(takesArgument(3, named(HANDLER))));
    }
}
