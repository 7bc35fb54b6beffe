package dev.respawn.coverage.agent;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;

import org.jacoco.core.runtime.RuntimeData;

/**
 * The class through which instrumented classes reach respawn's JaCoCo runtime
 * ({@code public class $RespawnJaCoCo { public static Object data; }} in {@code java.lang}), written
 * out and defined directly, byte for byte what JaCoCo's {@code InjectedClassRuntime} makes with ASM.
 *
 * <p>Why not {@code InjectedClassRuntime.startup}: it calls {@code MethodHandles} by reflection (it
 * runs on Java 5 too), and the JDK answers a reflective call of a caller-sensitive method by reading
 * its annotations, three dynamic proxies made and defined; with ASM loaded to write 150 bytes,
 * that was about 15 ms of every coverage start's premain. Instrumented classes find the class by
 * the name {@code InjectedClassRuntime} gives them, which this class is defined under.
 */
final class RuntimeClass {

    private static final String FIELD = "data";
    private static final String FIELD_TYPE = "Ljava/lang/Object;";
    /** Java 9's class file version, as JaCoCo writes it. */
    private static final int VERSION = 53;
    private static final int PUBLIC = 0x0001;
    private static final int STATIC = 0x0008;
    private static final int SYNTHETIC = 0x1000;
    private static final int UTF8 = 1;
    private static final int CLASS = 7;

    private RuntimeClass() {
    }

    /** Defines the class in {@code java.lang} (which java.base must open to this module) and hands it {@code data}. */
    static void define(String simpleName, RuntimeData data) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Object.class, MethodHandles.lookup());
        Class<?> defined = lookup.defineClass(bytes("java/lang/" + simpleName));
        defined.getField(FIELD).set(null, data);
    }

    /** The class file, its constant pool in the order ASM's {@code ClassWriter} fills it. */
    static byte[] bytes(String internalName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(VERSION);
            out.writeShort(7);
            utf8(out, internalName);
            classOf(out, 1);
            utf8(out, "java/lang/Object");
            classOf(out, 3);
            utf8(out, FIELD);
            utf8(out, FIELD_TYPE);
            out.writeShort(SYNTHETIC | PUBLIC);
            out.writeShort(2);
            out.writeShort(4);
            out.writeShort(0);
            out.writeShort(1);
            out.writeShort(PUBLIC | STATIC);
            out.writeShort(5);
            out.writeShort(6);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void utf8(DataOutputStream out, String value) throws IOException {
        out.writeByte(UTF8);
        out.writeUTF(value);
    }

    private static void classOf(DataOutputStream out, int name) throws IOException {
        out.writeByte(CLASS);
        out.writeShort(name);
    }
}
