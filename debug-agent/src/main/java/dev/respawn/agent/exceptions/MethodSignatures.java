package dev.respawn.agent.exceptions;

import java.util.List;
import java.util.StringJoiner;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;

/**
 * The constants an exit handler passes for its method: the parameters' names and their types,
 * as the exception report shows them.
 */
final class MethodSignatures {

    private MethodSignatures() {
    }

    /**
     * Comma-separated names from the {@code MethodParameters} attribute ({@code -parameters}),
     * else from the local variable table ({@code -g}, plain Maven's and Gradle's default), else
     * {@code arg0}, {@code arg1}.
     */
    static String parameterNames(MethodNode method, boolean isStatic, Type[] parameters) {
        StringJoiner names = new StringJoiner(",");
        List<ParameterNode> declared = method.parameters;
        boolean fromAttribute = declared != null && declared.size() == parameters.length;
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < parameters.length; i++) {
            String name = fromAttribute ? declared.get(i).name : local(method, slot);
            names.add(name == null || name.isEmpty() ? "arg" + i : name);
            slot += parameters[i].getSize();
        }
        return names.toString();
    }

    /** The parameter types, {@code (java.lang.String,int)}. */
    static String parameterTypes(Type[] parameters) {
        StringJoiner types = new StringJoiner(",", "(", ")");
        for (Type parameter : parameters) {
            types.add(parameter.getClassName());
        }
        return types.toString();
    }

    /** The local variable in a parameter's slot from the method's first instruction on. */
    private static String local(MethodNode method, int slot) {
        if (method.localVariables == null) {
            return null;
        }
        String found = null;
        int earliest = Integer.MAX_VALUE;
        for (LocalVariableNode local : method.localVariables) {
            if (local.index == slot) {
                int at = method.instructions.indexOf(local.start);
                if (at < earliest) {
                    earliest = at;
                    found = local.name;
                }
            }
        }
        return found;
    }
}
