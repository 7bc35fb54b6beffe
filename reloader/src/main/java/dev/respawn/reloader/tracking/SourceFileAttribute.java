package dev.respawn.reloader.tracking;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/** Reads a class file's SourceFile attribute, the file name javac recorded ({@code Main.java}). */
final class SourceFileAttribute {

    private SourceFileAttribute() {
    }

    /** The attribute's value, or null when absent or the bytes are not a class file. */
    static String read(byte[] classFile) {
        try {
            String[] found = new String[1];
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visitSource(String source, String debug) {
                    found[0] = source;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
            return found[0];
        } catch (RuntimeException e) {
            return null;
        }
    }
}
