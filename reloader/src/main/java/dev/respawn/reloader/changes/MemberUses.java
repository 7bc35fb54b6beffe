package dev.respawn.reloader.changes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final Set<String> OBJECT = Set.of("toString ()Ljava/lang/String;", "hashCode ()I",
            "equals (Ljava/lang/Object;)Z", "getClass ()Ljava/lang/Class;", "notify ()V", "notifyAll ()V",
            "wait ()V", "wait (J)V", "wait (JI)V", "clone ()Ljava/lang/Object;", "finalize ()V", "<init> ()V");

    /**
     * The fields and methods the class file {@code owner} of the class folder {@code root} has,
     * its own and its supertypes' in the folder; empty when a supertype is outside the folder (a
     * jar's, which may declare anything) or a file cannot be read: then nothing is waited for.
     */
    static Optional<Set<String>> declared(Path root, String owner) {
        Set<String> members = new HashSet<>();
        java.util.Deque<String> types = new java.util.ArrayDeque<>(List.of(owner));
        Set<String> seen = new HashSet<>();
        while (!types.isEmpty()) {
            String type = types.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (type.equals("java/lang/Object")) {
                members.addAll(OBJECT);
                continue;
            }
            Path file = root.resolve(type + ".class");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                ClassReader reader = new ClassReader(Files.readAllBytes(file));
                if (reader.getSuperName() != null) {
                    types.push(reader.getSuperName());
                }
                types.addAll(List.of(reader.getInterfaces()));
                reader.accept(new ClassVisitor(Opcodes.ASM9) {
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
                return Optional.empty();
            }
        }
        return Optional.of(members);
    }
}
