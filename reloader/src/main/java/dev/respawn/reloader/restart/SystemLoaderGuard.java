package dev.respawn.reloader.restart;

import java.lang.instrument.ClassFileTransformer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Consumer;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Watches what the JVM's application class loader loads. The application's main class becomes a
 * stub whose {@code main} hands over to {@link InJvmLauncher}; any other class it loads from a
 * class folder is reported, because that class now exists twice ("X cannot be cast to X"); and
 * the jar classes it loads are noted, because their static state may keep what the life that
 * first used them made, and get their lookups of classes by name sent to the running life
 * ({@link LookupRedirects}).
 */
final class SystemLoaderGuard implements ClassFileTransformer {

    private static final String MAIN_DESCRIPTOR = "([Ljava/lang/String;)V";

    private final ClassLoader system = ClassLoader.getSystemClassLoader();
    private final String mainClass;
    private final List<Path> folders;
    private final Consumer<String> stubbed;
    private final Consumer<String> twice;
    private final Consumer<String> fromJar;

    /**
     * @param mainClass the application's main class, binary name
     * @param folders the class path's folders (real paths)
     * @param stubbed told the main class's name once its stub is made
     * @param twice told the name of another folder class the application class loader loads
     * @param fromJar told the name of each class it loads from elsewhere (the jars)
     */
    SystemLoaderGuard(String mainClass, List<Path> folders, Consumer<String> stubbed, Consumer<String> twice,
            Consumer<String> fromJar) {
        this.mainClass = mainClass;
        this.folders = List.copyOf(folders);
        this.stubbed = stubbed;
        this.twice = twice;
        this.fromJar = fromJar;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] bytes) {
        if (loader != system || className == null || classBeingRedefined != null) {
            return null;
        }
        if (!fromFolder(domain)) {
            fromJar.accept(className);
            if (className.startsWith("dev/respawn/")) {
                return null;
            }
            try {
                return LookupRedirects.rewrite(bytes);
            } catch (RuntimeException e) {
                return null;
            }
        }
        String name = className.replace('/', '.');
        if (!name.equals(mainClass)) {
            twice.accept(name);
            return null;
        }
        if (!hasStaticMain(bytes)) {
            return null;
        }
        stubbed.accept(name);
        return stub(className);
    }

    private boolean fromFolder(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        if (source == null || source.getLocation() == null || !source.getLocation().getProtocol().equals("file")) {
            return false;
        }
        try {
            Path location = Path.of(source.getLocation().toURI()).toRealPath();
            return folders.contains(location);
        } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean hasStaticMain(byte[] bytes) {
        boolean[] found = {false};
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (name.equals("main") && descriptor.equals(MAIN_DESCRIPTOR) && (access & Opcodes.ACC_STATIC) != 0) {
                    found[0] = true;
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /**
     * A class of the same name with nothing but {@code main}: no superclass, fields, static
     * initializer or other methods of the application's, so that loading and verifying it loads
     * no other application class into this loader.
     */
    static byte[] stub(String internalName) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor main = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", MAIN_DESCRIPTOR, null,
                new String[] {"java/lang/Throwable"});
        main.visitCode();
        main.visitLdcInsn(internalName.replace('/', '.'));
        main.visitVarInsn(Opcodes.ALOAD, 0);
        main.visitMethodInsn(Opcodes.INVOKESTATIC, InJvmLauncher.class.getName().replace('.', '/'), "launch",
                "(Ljava/lang/String;[Ljava/lang/String;)V", false);
        main.visitInsn(Opcodes.RETURN);
        main.visitMaxs(0, 0);
        main.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
