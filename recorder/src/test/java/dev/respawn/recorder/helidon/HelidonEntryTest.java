package dev.respawn.recorder.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The Helidon seam as {@link HelidonEntry} defines it in Helidon's loader: renamed, it names no
 * stand-in, and every Helidon type and method it calls is Helidon 4's own, of the same kind (class
 * or interface), checked against Helidon's class files (Java 21's, read here, never loaded).
 */
class HelidonEntryTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<byte[]> renamed() throws IOException {
        List<byte[]> classes = new ArrayList<>();
        for (String name : HelidonEntry.CLASSES) {
            classes.add(HelidonEntry.INJECTOR.rename(resource(HelidonEntry.HANDLER + name + ".class")));
        }
        return classes;
    }

    /** A call the renamed seam makes on one of Helidon's types. */
    private record Call(String owner, String name, String descriptor, boolean onInterface) {
    }

    private static List<Call> helidonCalls(byte[] classFile) {
        List<Call> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.startsWith("io/helidon/")) {
                            calls.add(new Call(owner, method, desc, itf));
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    /** Whether {@code owner} or one of its supertypes declares the method, as the JVM resolves it. */
    private static boolean declares(String owner, String name, String descriptor) throws IOException {
        boolean[] found = {false};
        List<String> supertypes = new ArrayList<>();
        new ClassReader(resource(owner + ".class")).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String type, String signature, String superName,
                    String[] interfaces) {
                if (superName != null) {
                    supertypes.add(superName);
                }
                supertypes.addAll(List.of(interfaces));
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String desc, String signature,
                    String[] exceptions) {
                found[0] |= method.equals(name) && desc.equals(descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE);
        for (String supertype : supertypes) {
            found[0] = found[0] || declares(supertype, name, descriptor);
        }
        return found[0];
    }

    private static boolean isInterface(String type) throws IOException {
        return (new ClassReader(resource(type + ".class")).getAccess() & Opcodes.ACC_INTERFACE) != 0;
    }

    @Test
    void theSeamRenamedNamesNoStandInAndCallsOnlyWhatHelidonDeclares() throws IOException {
        List<Call> calls = new ArrayList<>();
        for (byte[] classFile : renamed()) {
            assertThat(new String(classFile, StandardCharsets.ISO_8859_1))
                    .doesNotContain("dev/respawn/recorder/helidon/stub/", "dev/respawn/recorder/helidon/handler/");
            calls.addAll(helidonCalls(classFile));
        }

        assertThat(calls).extracting(Call::owner).contains("io/helidon/webserver/http/ServerRequest",
                "io/helidon/webserver/http/ServerResponse", "io/helidon/http/HttpPrologue", "io/helidon/http/Status");
        for (Call call : calls) {
            assertThat(isInterface(call.owner())).as("%s is an interface", call.owner()).isEqualTo(call.onInterface());
            assertThat(declares(call.owner(), call.name(), call.descriptor())).as("%s", call).isTrue();
        }
    }

    /** A nested class the seam uses but {@link HelidonEntry} does not define would fail every request's recording. */
    @Test
    void everyNestedClassOfTheSeamIsDefinedWithIt() throws IOException {
        List<String> nested = new ArrayList<>();
        String seam = HelidonEntry.HANDLER + "HelidonRequestRecorder";
        new ClassReader(resource(seam + ".class")).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                if (name.startsWith(seam + "$")) {
                    nested.add(name.substring(HelidonEntry.HANDLER.length()));
                }
            }
        }, ClassReader.SKIP_CODE);

        assertThat(nested).isNotEmpty();
        assertThat(HelidonEntry.CLASSES).containsAll(nested);
    }

    @Test
    void onlyTheRecordersOwnFilterIsToldOfABodySentInOnePieceTakenOffAndJournaledOnceLaidOut() {
        List<String> told = new ArrayList<>();
        SentBody ours = new SentBody() {
            @Override
            public void sent(byte[] bytes, int offset, int length) {
                told.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }

            @Override
            public void buffered() {
                told.add("laid out");
            }
        };

        assertThat(HelidonEntry.sent(ours, "-body-".getBytes(StandardCharsets.UTF_8), 1, 4)).isTrue();
        HelidonEntry.buffered(true);
        HelidonEntry.buffered(true); // another response laid out on this thread: not ours
        assertThat(HelidonEntry.sent((java.util.function.UnaryOperator<Object>) o -> o, new byte[1], 0, 1)).isFalse();
        assertThat(HelidonEntry.sent(null, new byte[1], 0, 1)).isFalse();
        HelidonEntry.buffered(true);
        assertThat(HelidonEntry.sent(ours, "-refused-".getBytes(StandardCharsets.UTF_8), 1, 7)).isTrue();
        HelidonEntry.buffered(false); // Helidon threw: its own end finishes the exchange
        HelidonEntry.buffered(true);
        assertThat(told).containsExactly("body", "laid out", "refused");
    }

    /**
     * What {@link HelidonSendAdvice} and {@link HelidonBufferedAdvice} name in Helidon's HTTP/1 response: the
     * methods they are inlined into, the field the first clears.
     */
    @Test
    void helidonsHttp1ResponseHasTheSendAndFilterTheSendAdviceNames() throws IOException {
        String response = "io/helidon/webserver/http1/Http1ServerResponse";
        List<String> fields = new ArrayList<>();
        new ClassReader(resource(response + ".class")).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public net.bytebuddy.jar.asm.FieldVisitor visitField(int access, String name, String descriptor,
                    String signature, Object value) {
                fields.add(name + " " + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE);

        assertThat(fields).contains("outputStreamFilter Ljava/util/function/UnaryOperator;");
        assertThat(declares(response, "send", "([BII)V")).isTrue();
        assertThat(declares(response, "responseBuffer", "([BII)Lio/helidon/common/buffers/BufferData;")).isTrue();
    }
}
