package dev.respawn.reloader.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a class file uses of others, and what a class of a folder has, inherited members included. */
class MemberUsesTest {

    @TempDir
    Path root;

    @Test
    void aClassHasWhatItAndItsSupertypesInTheFolderDeclare() throws Exception {
        write("com/example/Base", "java/lang/Object", "helper");
        write("com/example/Child", "com/example/Base", "own");
        assertThat(MemberUses.declared(root, "com/example/Child")).hasValueSatisfying(members -> assertThat(members)
                .contains("own ()V", "helper ()V", "toString ()Ljava/lang/String;").doesNotContain("other ()V"));
    }

    @Test
    void aClassWithASupertypeFromAJarMayHaveAnything() throws Exception {
        write("com/example/Repository", "java/util/ArrayList", "own");
        assertThat(MemberUses.declared(root, "com/example/Repository")).isEmpty();
    }

    @Test
    void theUsesAreTheMembersOfOtherClassesItsCodeNames() throws Exception {
        Path user = write("com/example/User", "java/lang/Object", "run");
        assertThat(MemberUses.of(user)).containsEntry("com/example/Child", Set.of("helper ()V"))
                .doesNotContainKey("com/example/User");
    }

    /** A class with one method {@code name()V} that calls {@code Child.helper()} and itself. */
    private Path write(String name, String superName, String method) throws Exception {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, null);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_STATIC, method, "()V", null, null);
        code.visitCode();
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "com/example/Child", "helper", "()V", false);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, name, method, "()V", false);
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        writer.visitEnd();
        Path file = root.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        return Files.write(file, writer.toByteArray());
    }
}
