package dev.respawn.reloader.restart;

import java.nio.charset.StandardCharsets;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites a jar class's lookups of classes by name ({@code Class.forName}, {@code
 * ClassLoader.loadClass}, {@code ServiceLoader.load} with a loader) into calls of
 * {@link ByNameLookups}, which send those made through the JVM's application class loader to the
 * running life's loader. The same stack in and out, so no frame changes; classes that name none
 * of these methods are not parsed at all.
 */
final class LookupRedirects {

    private static final String TARGET = ByNameLookups.class.getName().replace('.', '/');
    private static final byte[][] MARKERS = {bytes("forName"), bytes("loadClass"), bytes("java/util/ServiceLoader")};

    private LookupRedirects() {
    }

    /** The class rewritten, or null when it makes no such lookup. */
    static byte[] rewrite(byte[] bytes) {
        if (!mayLookUp(bytes)) {
            return null;
        }
        boolean[] changed = {false};
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        String redirected = redirected(opcode, owner, method, desc);
                        if (redirected != null) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, method.equals("load") ? "load" : method,
                                    redirected, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, itf);
                        }
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    /** The descriptor of the {@link ByNameLookups} method that replaces the call, or null. */
    static String redirected(int opcode, String owner, String method, String desc) {
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Class") && method.equals("forName")
                && (desc.equals("(Ljava/lang/String;)Ljava/lang/Class;")
                        || desc.equals("(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;"))) {
            return desc;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/ClassLoader") && method.equals("loadClass")
                && desc.equals("(Ljava/lang/String;)Ljava/lang/Class;")) {
            return "(Ljava/lang/ClassLoader;Ljava/lang/String;)Ljava/lang/Class;";
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/ServiceLoader") && method.equals("load")
                && desc.equals("(Ljava/lang/Class;Ljava/lang/ClassLoader;)Ljava/util/ServiceLoader;")) {
            return desc;
        }
        return null;
    }

    /** A cheap look at the constant pool's bytes: no marker, no lookup to rewrite. */
    private static boolean mayLookUp(byte[] bytes) {
        for (byte[] marker : MARKERS) {
            if (indexOf(bytes, marker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean indexOf(byte[] bytes, byte[] marker) {
        outer:
        for (int i = 0; i <= bytes.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
