package dev.respawn.reloader.restart;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Weaves a call to {@link LifeObjects#created} at the end of the constructors of the types that
 * {@link LifeStoppers} knows how to stop (servers, application contexts, event loop groups), so
 * that each life knows what it made. A plain ASM pass over a handful of named classes: it costs
 * nothing for the others.
 */
final class CreationRecorder implements ClassFileTransformer {

    private static final String REGISTRY = LifeObjects.class.getName().replace('.', '/');

    private final Set<String> types;

    /** @param types internal names of the classes whose constructions are recorded */
    CreationRecorder(Set<String> types) {
        this.types = Set.copyOf(types);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] bytes) {
        if (className == null || classBeingRedefined != null || !types.contains(className)) {
            return null;
        }
        try {
            return record(bytes);
        } catch (RuntimeException e) {
            // A class we cannot read is left as it is; its instances are then found by their threads.
            return null;
        }
    }

    static byte[] record(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!name.equals("<init>")) {
                    return method;
                }
                return new MethodVisitor(Opcodes.ASM9, method) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.RETURN) {
                            // The stack is empty at a constructor's return: no frame changes.
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, REGISTRY, "created", "(Ljava/lang/Object;)V",
                                    false);
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
