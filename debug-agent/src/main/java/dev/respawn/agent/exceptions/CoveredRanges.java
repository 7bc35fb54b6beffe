package dev.respawn.agent.exceptions;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The parts of a method's code an exit handler may cover: the verifier requires that the locals
 * at every covered instruction fit the handler's frame (the method's parameters), which is not so
 * where a stack map frame says otherwise, as in the dead code a bytecode generator leaves
 * ({@code nop ... athrow} under a frame with no locals, as ASM writes it; Micronaut's generated
 * classes have some). Such stretches, from a frame that does not fit to the next one that does,
 * are left out of the handler's ranges: an exception there cannot pass through anyway.
 */
final class CoveredRanges {

    private CoveredRanges() {
    }

    /**
     * @param start a label already at the first instruction
     * @param handlerLocals the handler frame's locals, one entry per parameter (expanded frames)
     */
    static List<TryCatchBlockNode> of(InsnList instructions, LabelNode start, List<Object> handlerLocals,
            LabelNode handler, String type) {
        List<TryCatchBlockNode> ranges = new ArrayList<>();
        LabelNode from = start;
        boolean anyInstruction = false;
        for (AbstractInsnNode node = instructions.getFirst(); node != null; node = node.getNext()) {
            if (node instanceof FrameNode frame) {
                boolean fits = fits(frame, handlerLocals);
                if (from != null && !fits) {
                    if (anyInstruction) {
                        ranges.add(new TryCatchBlockNode(from, labelBefore(instructions, frame), handler, type));
                    }
                    from = null;
                } else if (from == null && fits) {
                    from = labelBefore(instructions, frame);
                    anyInstruction = false;
                }
            } else if (node.getOpcode() >= 0) {
                anyInstruction = true;
            }
        }
        if (from != null && anyInstruction) {
            LabelNode end = new LabelNode();
            instructions.add(end);
            ranges.add(new TryCatchBlockNode(from, end, handler, type));
        }
        return ranges;
    }

    /** Whether a frame's first locals are exactly the handler's (no class is loaded to compare types). */
    private static boolean fits(FrameNode frame, List<Object> handlerLocals) {
        List<Object> locals = frame.local;
        if (locals == null || locals.size() < handlerLocals.size()) {
            return false;
        }
        for (int i = 0; i < handlerLocals.size(); i++) {
            if (!handlerLocals.get(i).equals(locals.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static LabelNode labelBefore(InsnList instructions, FrameNode frame) {
        LabelNode label = new LabelNode();
        instructions.insertBefore(frame, label);
        return label;
    }
}
