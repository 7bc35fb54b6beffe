package dev.respawn.reloader.hotswap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What of a class a hot swap may not change: its hierarchy, modifiers, fields, methods, the
 * annotations frameworks read at start-up, and its static initializer (which will not run again).
 * Two class files of the same shape differ only in method bodies, which
 * {@code Instrumentation.redefineClasses} can replace in place.
 */
record ClassShape(String name, List<String> members, List<String> declarations, String staticInitializer) {

    static ClassShape of(byte[] classFile) {
        List<String> members = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                members.add("class " + access + " " + name + " extends " + superName + " implements "
                        + Arrays.toString(interfaces) + " " + signature);
                declarations.add("class " + declared(access) + " " + name + " extends " + superName + " implements "
                        + Arrays.toString(interfaces) + " " + signature);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                members.add("@" + descriptor);
                return new AnnotationRecorder(members, "@" + descriptor);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                String field = "field " + access + " " + name + " " + descriptor + " " + signature + " = " + value;
                members.add(field);
                declarations.add("field " + declared(access) + " " + name + " " + descriptor + " " + signature + " = " + value);
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        members.add(field + " @" + annotation);
                        return new AnnotationRecorder(members, field + " @" + annotation);
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String method = "method " + access + " " + name + descriptor + " " + signature
                        + " throws " + Arrays.toString(exceptions);
                members.add(method);
                declarations.add("method " + declared(access) + " " + name + descriptor + " " + signature
                        + " throws " + Arrays.toString(exceptions));
                if (name.equals("<clinit>")) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        members.add(method + " @" + annotation);
                        return new AnnotationRecorder(members, method + " @" + annotation);
                    }

                    @Override
                    public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                        members.add(method + " param " + parameter + " @" + annotation);
                        return new AnnotationRecorder(members, method + " param " + parameter);
                    }
                };
            }

            @Override
            public void visitNestMember(String nestMember) {
                members.add("nest member " + nestMember);
                declarations.add("nest member " + nestMember);
            }

            @Override
            public void visitPermittedSubclass(String permittedSubclass) {
                members.add("permits " + permittedSubclass);
                declarations.add("permits " + permittedSubclass);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        String name = new ClassReader(classFile).getClassName().replace('/', '.');
        members.sort(null);
        declarations.sort(null);
        return new ClassShape(name, List.copyOf(members), List.copyOf(declarations), staticInitializerDigest(classFile));
    }

    /** Why {@code next} cannot replace this class in place, or null when it can. */
    String differenceFrom(ClassShape next) {
        if (!staticInitializer.equals(next.staticInitializer)) {
            return "its static initializer changed";
        }
        if (members.equals(next.members)) {
            return null;
        }
        return ShapeDifference.describe(declarations, next.declarations, members, next.members);
    }

    /** The access flags without ASM's mark for {@code @Deprecated}, which is an annotation, not a declaration. */
    private static int declared(int access) {
        return access & ~Opcodes.ACC_DEPRECATED;
    }

    /** A digest of the static initializer's instructions, which a redefinition would not run again. */
    private static String staticInitializerDigest(byte[] classFile) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder text = new StringBuilder();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (!name.equals("<clinit>")) {
                    return null;
                }
                return new InstructionText(text);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Records annotation values, so a changed {@code @GetMapping("/a")} counts as a change. */
    private static final class AnnotationRecorder extends AnnotationVisitor {
        private final List<String> members;
        private final String owner;

        AnnotationRecorder(List<String> members, String owner) {
            super(Opcodes.ASM9);
            this.members = members;
            this.owner = owner;
        }

        @Override
        public void visit(String name, Object value) {
            members.add(owner + " " + name + "=" + (value instanceof Object[] array ? Arrays.toString(array) : value));
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            members.add(owner + " " + name + "=" + descriptor + "." + value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return new AnnotationRecorder(members, owner + " " + name + "=@" + descriptor);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return new AnnotationRecorder(members, owner + " " + name + "[]");
        }
    }
}
