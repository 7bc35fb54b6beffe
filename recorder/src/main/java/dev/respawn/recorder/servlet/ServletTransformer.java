package dev.respawn.recorder.servlet;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines {@link ServletAdvice} into the servlet classes as they load.
 *
 * <p>A plain transformer that looks at names and bytes, not Byte Buddy's {@code AgentBuilder}:
 * setting that up loads some 900 classes and took seconds on every worker's start, servlet or
 * not. Here Byte Buddy is touched only when a servlet class appears.
 */
final class ServletTransformer implements ClassFileTransformer {

    private static final Set<String> SERVLETS = Set.of("jakarta/servlet/http/HttpServlet", "javax/servlet/http/HttpServlet");
    private static final Set<String> CHAINS = Set.of("jakarta/servlet/FilterChain", "javax/servlet/FilterChain");
    private static final byte[] CHAIN_MARK = "servlet/FilterChain".getBytes(StandardCharsets.UTF_8);

    private final ThreadLocal<Boolean> busy = new ThreadLocal<>();
    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
        if (loader == null || name == null || redefined != null || busy.get() != null || name.startsWith("java/")
                || name.startsWith("jdk/") || name.startsWith("sun/") || name.startsWith("dev/respawn/")) {
            return null;
        }
        String method;
        if (SERVLETS.contains(name)) {
            method = "service";
        } else if (contains(bytes, CHAIN_MARK) && implementsChain(bytes)) {
            method = "doFilter";
        } else {
            return null;
        }
        busy.set(Boolean.TRUE);
        try {
            return advise(loader, name.replace('/', '.'), bytes, method);
        } catch (Throwable t) {
            if (warned.compareAndSet(false, true)) {
                System.err.println("respawn: the recorder could not hook " + name.replace('/', '.') + " (" + t
                        + "); its requests are not recorded");
            }
            return null;
        } finally {
            busy.remove();
        }
    }

    private static byte[] advise(ClassLoader loader, String name, byte[] bytes, String method) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                ClassFileLocator.ForClassLoader.of(loader));
        return new ByteBuddy()
                .redefine(TypePool.Default.of(locator).describe(name).resolve(), locator)
                .visit(Advice.to(ServletAdvice.class).on(named(method).and(not(isAbstract()))
                        .and(takesArguments(2)).and(takesArgument(0, nameEndsWith(".servlet.ServletRequest")))
                        .and(takesArgument(1, nameEndsWith(".servlet.ServletResponse")))))
                .make()
                .getBytes();
    }

    /** Whether the class names a FilterChain in its own implements clause. */
    static boolean implementsChain(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        if ((reader.getAccess() & 0x0200) != 0) {
            return false; // an interface
        }
        for (String implemented : reader.getInterfaces()) {
            if (CHAINS.contains(implemented)) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(byte[] bytes, byte[] mark) {
        outer:
        for (int i = 0; i <= bytes.length - mark.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (bytes[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
