package dev.respawn.agent.exceptions;

import java.util.List;

/**
 * One application frame an exception passed through, as it was then: where, the arguments, and
 * the receiver's fields, every value already rendered to text.
 *
 * @param className the declaring class's binary name
 * @param method the method's name
 * @param file the source file's name, when the stack trace had it
 * @param line the line the frame was at, or -1
 * @param exception the class of the throwable that was passing (in a wrapped chain, which one)
 * @param arguments the arguments, in order
 * @param receiver the receiver's identity ({@code Name@hex}), or null for a static method
 * @param fields the receiver's fields
 * @param locals the frame's local variables at the throw ({@code --capture-locals}), or null
 */
record CapturedFrame(String className, String method, String file, int line, String exception,
        List<Value> arguments, String receiver, List<Value> fields, List<Value> locals) {

    CapturedFrame withLocals(List<Value> found) {
        return new CapturedFrame(className, method, file, line, exception, arguments, receiver, fields, found);
    }

    /**
     * A named, rendered value.
     *
     * @param name the parameter's or field's name
     * @param type the runtime class of the value, or {@code null} for null
     * @param value the value, rendered by {@link ValueRenderer}
     */
    record Value(String name, String type, String value) {
    }

    /** {@code Class.method(File.java:12)}, as a stack trace would say it. */
    String where() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String place = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
        return simple + "." + method + "(" + place + ")";
    }
}
