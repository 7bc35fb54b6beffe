package dev.respawn.agent.exceptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites an application class so that each of its methods, when an exception leaves it, calls
 * {@link ExceptionRecorder#exited} with the method's arguments and receiver, then throws the same
 * exception on. On a normal return nothing runs: the handler sits after the method's code, reached
 * only through the exception table, as the last entry (the method's own handlers come first).
 *
 * <p>Constructors and static initialisers are left alone (a handler cannot catch what a
 * constructor throws before {@code this} is initialised), as are abstract, native and bridge
 * methods and those whose names start with {@code $}; lambda bodies (synthetic methods) are
 * instrumented, being often the application's outermost frame. Class files before Java 6 are left
 * alone (they have no stack map frames to extend).
 */
final class ExitHandlers {

    /** What was written, and the bridge methods that were not instrumented. */
    record Result(String className, byte[] bytes, List<String> bridges) {
    }

    private static final int JAVA_6 = 50;
    private static final String THROWABLE = "java/lang/Throwable";
    private static final String RECORDER = Type.getInternalName(ExceptionRecorder.class);
    private static final String EXITED = "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;"
            + "Ljava/lang/Object;[Ljava/lang/Object;Ljava/lang/Throwable;)V";
    /** Class, name, names, signature, receiver, array, array, index, a two-slot value. */
    private static final int HANDLER_STACK = 10;

    private ExitHandlers() {
    }

    /** The rewritten class, or null when it is not one to instrument (an interface, an old class file). */
    static Result rewrite(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        int access = reader.getAccess();
        if ((access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION | Opcodes.ACC_MODULE)) != 0
                || reader.readUnsignedShort(6) < JAVA_6) {
            return null;
        }
        ClassNode type = new ClassNode();
        reader.accept(type, ClassReader.EXPAND_FRAMES);
        String className = type.name.replace('/', '.');
        List<String> bridges = new ArrayList<>();
        for (MethodNode method : type.methods) {
            if ((method.access & Opcodes.ACC_BRIDGE) != 0) {
                bridges.add(className + '.' + method.name + method.desc);
            } else if (instrumentable(method) && !reusesAParameterSlot(method)) {
                addHandler(type.name, method);
            }
        }
        ClassWriter writer = new ClassWriter(0);
        type.accept(writer);
        return new Result(className, writer.toByteArray(), bridges);
    }

    private static boolean instrumentable(MethodNode method) {
        return (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
                && !method.name.startsWith("<") && !method.name.startsWith("$")
                && method.instructions.size() > 0;
    }

    /**
     * Whether the code stores a value of another kind into a parameter's slot (javac never does;
     * other compilers and bytecode generators may): the handler's frame, which holds the parameters
     * as declared, would not fit there, and the class would fail verification. Such a method is
     * left as it is; a reference stored over a reference parameter is javac's reassignment and fits.
     */
    static boolean reusesAParameterSlot(MethodNode method) {
        int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        Map<Integer, Integer> stores = new HashMap<>();
        if (slot == 1) {
            stores.put(0, Opcodes.ASTORE);
        }
        for (Type parameter : Type.getArgumentTypes(method.desc)) {
            stores.put(slot, parameter.getOpcode(Opcodes.ISTORE));
            if (parameter.getSize() == 2) {
                stores.put(slot + 1, -1); // the second half of a long or double: no store fits
            }
            slot += parameter.getSize();
        }
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof VarInsnNode store && store.getOpcode() >= Opcodes.ISTORE
                    && store.getOpcode() <= Opcodes.ASTORE && stores.containsKey(store.var)) {
                if (stores.get(store.var) != store.getOpcode()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addHandler(String owner, MethodNode method) {
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        Type[] parameters = Type.getArgumentTypes(method.desc);
        List<Object> frame = new ArrayList<>();
        if (!isStatic) {
            frame.add(owner);
        }
        int slots = isStatic ? 0 : 1;
        for (Type parameter : parameters) {
            frame.add(frameType(parameter));
            slots += parameter.getSize();
        }
        int thrown = method.maxLocals;
        LabelNode start = new LabelNode();
        LabelNode handler = new LabelNode();
        LabelNode callStart = new LabelNode();
        LabelNode callEnd = new LabelNode();
        LabelNode callFailed = new LabelNode();

        InsnList code = new InsnList();
        code.add(handler);
        code.add(new FrameNode(Opcodes.F_NEW, frame.size(), frame.toArray(), 1, new Object[] {THROWABLE}));
        code.add(new VarInsnNode(Opcodes.ASTORE, thrown));
        code.add(callStart);
        code.add(new LdcInsnNode(Type.getObjectType(owner)));
        code.add(new LdcInsnNode(method.name));
        code.add(new LdcInsnNode(MethodSignatures.parameterNames(method, isStatic, parameters)));
        code.add(new LdcInsnNode(MethodSignatures.parameterTypes(parameters)));
        code.add(isStatic ? new InsnNode(Opcodes.ACONST_NULL) : new VarInsnNode(Opcodes.ALOAD, 0));
        pushArguments(code, parameters, isStatic ? 0 : 1);
        code.add(new VarInsnNode(Opcodes.ALOAD, thrown));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RECORDER, "exited", EXITED, false));
        code.add(callEnd);
        code.add(new VarInsnNode(Opcodes.ALOAD, thrown));
        code.add(new InsnNode(Opcodes.ATHROW));
        // Whatever the recorder's call throws (a linkage error, a stack overflow) is dropped: the
        // application's own exception goes on.
        code.add(callFailed);
        List<Object> withThrown = new ArrayList<>(frame);
        for (int slot = slots; slot < thrown; slot++) {
            withThrown.add(Opcodes.TOP);
        }
        withThrown.add(THROWABLE);
        code.add(new FrameNode(Opcodes.F_NEW, withThrown.size(), withThrown.toArray(), 1, new Object[] {THROWABLE}));
        code.add(new InsnNode(Opcodes.POP));
        code.add(new VarInsnNode(Opcodes.ALOAD, thrown));
        code.add(new InsnNode(Opcodes.ATHROW));

        method.instructions.insert(start);
        List<TryCatchBlockNode> covered = CoveredRanges.of(method.instructions, start, frame, handler, THROWABLE);
        method.instructions.add(code);
        method.tryCatchBlocks.addAll(covered);
        method.tryCatchBlocks.add(new TryCatchBlockNode(callStart, callEnd, callFailed, THROWABLE));
        method.maxLocals = thrown + 1;
        method.maxStack = Math.max(method.maxStack, HANDLER_STACK);
    }

    /** {@code new Object[] {arguments...}}, primitives boxed. */
    private static void pushArguments(InsnList code, Type[] parameters, int firstSlot) {
        code.add(new IntInsnNode(Opcodes.SIPUSH, parameters.length));
        code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
        int slot = firstSlot;
        for (int i = 0; i < parameters.length; i++) {
            Type parameter = parameters[i];
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new IntInsnNode(Opcodes.SIPUSH, i));
            code.add(new VarInsnNode(parameter.getOpcode(Opcodes.ILOAD), slot));
            box(code, parameter);
            code.add(new InsnNode(Opcodes.AASTORE));
            slot += parameter.getSize();
        }
    }

    private static void box(InsnList code, Type type) {
        String box = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.FLOAT -> "java/lang/Float";
            case Type.LONG -> "java/lang/Long";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (box != null) {
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, box, "valueOf",
                    "(" + type.getDescriptor() + ")L" + box + ";", false));
        }
    }

    /** A parameter's entry in a stack map frame, as ASM's expanded frames write it. */
    private static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.LONG -> Opcodes.LONG;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            case Type.ARRAY -> type.getDescriptor();
            default -> type.getInternalName();
        };
    }
}
