package dev.respawn.locals;

import java.util.List;
import java.util.Set;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.CharValue;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;

/**
 * Renders a value of the suspended worker as the agent's renderer would, through JDI and
 * without running a line of the worker's code: no method is invoked, only fields are read.
 */
final class JdiValues {

    static final int MAX_STRING = 200;
    static final int MAX_ELEMENTS = 10;
    static final int MAX_FIELDS = 16;
    private static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Boolean");

    private JdiValues() {
    }

    static String render(Value value, int depth) {
        StringBuilder out = new StringBuilder();
        try {
            append(out, value, depth);
        } catch (RuntimeException e) {
            out.append("<unreadable: ").append(e.getClass().getSimpleName()).append('>');
        }
        return out.length() > 1000 ? out.substring(0, 1000) + "..." : out.toString();
    }

    private static void append(StringBuilder out, Value value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharValue c) {
            out.append('\'').append(c.value()).append('\'');
        } else if (value instanceof PrimitiveValue primitive) {
            out.append(primitive);
        } else if (value instanceof StringReference string) {
            quoted(out, string.value());
        } else if (value instanceof ArrayReference array) {
            int length = array.length();
            String type = array.referenceType().name();
            out.append(simple(type.substring(0, type.length() - 2))).append('[').append(length).append("] {");
            List<Value> first = length == 0 ? List.of() : array.getValues(0, Math.min(length, MAX_ELEMENTS));
            for (int i = 0; i < first.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                append(out, first.get(i), depth - 1);
            }
            out.append(length > MAX_ELEMENTS ? ", ...}" : "}");
        } else if (value instanceof ObjectReference object) {
            object(out, object, depth);
        } else {
            out.append(value.type().name());
        }
    }

    private static void object(StringBuilder out, ObjectReference object, int depth) {
        ReferenceType type = object.referenceType();
        String name = type.name();
        if (BOXES.contains(name)) {
            append(out, object.getValue(type.fieldByName("value")), depth);
            return;
        }
        if (type instanceof ClassType classType && classType.isEnum()) {
            Field constant = classType.fieldByName("name");
            Value constantName = constant == null ? null : object.getValue(constant);
            out.append(simple(name)).append('.').append(constantName instanceof StringReference s ? s.value() : "?");
            return;
        }
        out.append(simple(name)).append('#').append(object.uniqueID());
        if (isJdk(name)) {
            Field size = type.fieldByName("size");
            if (size != null && object.getValue(size) instanceof PrimitiveValue count) {
                out.append("(size ").append(count).append(')');
            }
            return;
        }
        if (depth <= 0) {
            return;
        }
        out.append(" {");
        int shown = 0;
        for (Field field : type.allFields()) {
            if (field.isStatic() || field.isSynthetic() || shown == MAX_FIELDS) {
                continue;
            }
            out.append(shown++ == 0 ? "" : ", ").append(field.name()).append('=');
            append(out, object.getValue(field), depth - 1);
        }
        out.append('}');
    }

    static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static void quoted(StringBuilder out, String text) {
        String shown = text.length() > MAX_STRING ? text.substring(0, MAX_STRING) : text;
        out.append('"').append(shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        if (text.length() > MAX_STRING) {
            out.append("...(").append(text.length()).append(" chars)");
        }
    }
}
