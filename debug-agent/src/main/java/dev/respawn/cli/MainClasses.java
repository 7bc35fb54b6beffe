package dev.respawn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/** Finds the classes with {@code public static void main(String[])} in a directory of class files. */
public final class MainClasses {

    private MainClasses() {
    }

    /** The binary names of the classes under {@code classes} that declare a main method, sorted. */
    public static List<String> in(Path classes) {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> !file.getFileName().toString().equals("module-info.class"))
                    .filter(MainClasses::declaresMain)
                    .map(file -> binaryName(classes, file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String binaryName(Path root, Path file) {
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        return relative.substring(0, relative.length() - ".class".length());
    }

    private static boolean declaresMain(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MainFinder finder = new MainFinder();
            new ClassReader(in).accept(finder, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return finder.found;
        } catch (IOException | RuntimeException e) {
            return false; // Not a class file ASM can read: not a candidate.
        }
    }

    private static final class MainFinder extends ClassVisitor {

        private boolean found;

        MainFinder() {
            super(Opcodes.ASM9);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            int required = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;
            if ((access & required) == required && name.equals("main") && descriptor.equals("([Ljava/lang/String;)V")) {
                found = true;
            }
            return null;
        }
    }
}
