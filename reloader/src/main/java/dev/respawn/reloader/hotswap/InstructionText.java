package dev.respawn.reloader.hotswap;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/** Writes a method's instructions as text (labels left out), to tell whether two bodies are the same. */
final class InstructionText extends MethodVisitor {

    private final StringBuilder text;

    InstructionText(StringBuilder text) {
        super(Opcodes.ASM9);
        this.text = text;
    }

    private void add(Object... parts) {
        for (Object part : parts) {
            text.append(part).append(' ');
        }
        text.append('\n');
    }

    @Override
    public void visitInsn(int opcode) {
        add(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        add(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int variable) {
        add(opcode, variable);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        add(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        add(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        add(opcode, owner, name, descriptor);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        add("indy", name, descriptor, bootstrap, java.util.Arrays.deepToString(arguments));
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        add(opcode, "jump");
    }

    @Override
    public void visitLdcInsn(Object value) {
        add("ldc", value);
    }

    @Override
    public void visitIincInsn(int variable, int increment) {
        add("iinc", variable, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
        add("tableswitch", min, max);
    }

    @Override
    public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
        add("lookupswitch", java.util.Arrays.toString(keys));
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        add("multianewarray", descriptor, dimensions);
    }
}
