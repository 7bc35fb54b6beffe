package dev.respawn.agent.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The rewritten class passes the JVM's verifier and behaves as before, exceptions included. */
class ExitHandlersTest {

    private static final String TARGET = ExitHandlersTarget.class.getName();

    private static byte[] original() throws IOException {
        try (InputStream in = ExitHandlersTest.class.getResourceAsStream("ExitHandlersTarget.class")) {
            return in.readAllBytes();
        }
    }

    /** Defines the rewritten class in a loader of its own (so the JVM verifies it), the rest from ours. */
    private static Class<?> rewritten() throws Exception {
        return rewritten(TARGET, original());
    }

    private static Class<?> rewritten(String className, byte[] original) throws Exception {
        String TARGET = className;
        byte[] bytes = ExitHandlers.rewrite(original).bytes();
        ClassLoader loader = new ClassLoader(ExitHandlersTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(TARGET)) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return Class.forName(TARGET, true, loader);
    }

    private static Object call(Class<?> type, Object self, String name, Object... arguments) throws Throwable {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                try {
                    return method.invoke(self, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + name);
    }

    @Test
    void methodsAnswerAsBeforeAndExceptionsGoOnUnchanged() throws Throwable {
        Class<?> type = rewritten();
        Object target = type.getConstructor(String.class).newInstance("shop");
        assertThat(call(type, target, "greet", 3L, 0.5, new int[2], true)).isEqualTo("SHOP30.52");
        assertThat(call(type, null, "fails", "book", 2)).isEqualTo(2);
        assertThatThrownBy(() -> call(type, null, "fails", "book", -1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("negative quantity -1 of book");
        assertThat(call(type, target, "caughtInside", -5)).isEqualTo(-1);
        assertThat(call(type, null, "loop", 5)).isEqualTo(10);
        assertThatThrownBy(() -> call(type, null, "viaLambda", -2)).hasMessage("negative quantity -2 of lambda");
        assertThatThrownBy(() -> call(type, null, "assignsItsParameter", List.of()))
                .isExactlyInstanceOf(ArithmeticException.class);
    }

    @Test
    void eachHandlerCarriesItsMethodsParameterNamesAndTypes() throws Exception {
        ClassNode type = new ClassNode();
        new ClassReader(ExitHandlers.rewrite(original()).bytes()).accept(type, 0);
        assertThat(constants(type, "greet")).contains("count,share,ids,loud", "(long,double,int[],boolean)");
        assertThat(constants(type, "fails")).contains("item,quantity", "(java.lang.String,int)");
        assertThat(constants(type, "<init>")).as("constructors are left alone").doesNotContain("name");
    }

    /**
     * Dead code as ASM writes it ({@code nop ... athrow} under a frame with no locals; Micronaut's
     * generated classes have some) is left out of the handler's range, which the verifier requires.
     */
    @Test
    void deadCodeWithoutTheParametersInItsFrameIsLeftUncovered() throws Throwable {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "DeadCode", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "half", "(I)I", null, null);
        method.visitCode();
        method.visitVarInsn(Opcodes.ILOAD, 0);
        method.visitInsn(Opcodes.ICONST_2);
        method.visitInsn(Opcodes.IDIV);
        method.visitInsn(Opcodes.IRETURN);
        method.visitInsn(Opcodes.ICONST_0); // unreachable: ASM turns it into nop ... athrow
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        Class<?> type = rewritten("DeadCode", writer.toByteArray());
        assertThat(call(type, null, "half", 8)).isEqualTo(4);
    }

    /**
     * A parameter's slot reused for a value of another kind (javac never does; other compilers and
     * bytecode generators may) would not fit the handler's frame: such a method is left as it is.
     */
    @Test
    void aMethodThatReusesAParametersSlotForAnotherKindIsLeftAlone() throws Throwable {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "SlotReuse", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "length",
                "(Ljava/lang/String;)I", null, null);
        method.visitCode();
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        method.visitVarInsn(Opcodes.ISTORE, 0); // the String's slot now holds an int
        method.visitVarInsn(Opcodes.ILOAD, 0);
        method.visitInsn(Opcodes.ICONST_1);
        method.visitInsn(Opcodes.IDIV);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        Class<?> type = rewritten("SlotReuse", writer.toByteArray());
        assertThat(call(type, null, "length", "four")).isEqualTo(4);
    }

    @Test
    void interfacesAreLeftAlone() throws Exception {
        try (InputStream in = Runnable.class.getResourceAsStream("Runnable.class")) {
            assertThat(ExitHandlers.rewrite(in.readAllBytes())).isNull();
        }
    }

    private static List<Object> constants(ClassNode type, String method) {
        List<Object> constants = new ArrayList<>();
        for (MethodNode m : type.methods) {
            if (m.name.equals(method)) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof LdcInsnNode ldc) {
                        constants.add(ldc.cst);
                    }
                }
            }
        }
        return constants;
    }
}
