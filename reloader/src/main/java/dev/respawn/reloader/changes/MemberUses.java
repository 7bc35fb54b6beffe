package dev.respawn.reloader.changes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The fields and methods a class file uses of other classes, and those a class file declares,
 * as {@code name descriptor} strings: whether a burst's class files use what another is still to
 * be written with.
 */
final class MemberUses {

    private MemberUses() {
    }

    /** By owner (internal name), the members the class file's code uses of classes other than itself. */
    static Map<String, Set<String>> of(Path classFile) {
        Map<String, Set<String>> uses = new HashMap<>();
        try {
            ClassReader reader = new ClassReader(Files.readAllBytes(classFile));
            String self = reader.getClassName();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(int opcode, String owner, String member, String type) {
                            use(owner, member + " " + type);
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String member, String type,
                                boolean isInterface) {
                            use(owner, member + " " + type);
                        }

                        private void use(String owner, String member) {
                            if (!owner.equals(self) && !owner.startsWith("[")) {
                                uses.computeIfAbsent(owner, absent -> new HashSet<>()).add(member);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException | RuntimeException e) {
            // Gone or half-written: the missing and half-written class files say whether that matters.
        }
        return uses;
    }

    /** The fields and methods the class file declares; empty when it cannot be read. */
    static Set<String> declared(Path classFile) {
        Set<String> members = new HashSet<>();
        try {
            new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                        Object value) {
                    members.add(name + " " + descriptor);
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    members.add(name + " " + descriptor);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException | RuntimeException e) {
            // Unreadable: treated as lacking everything, so held at most for the patience.
        }
        return members;
    }
}
