import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.sun.tools.attach.VirtualMachine;

/**
 * Switches a running worker's recorder off and on from outside, for bench/recorder.sh's
 * RESPAWN_BENCH_SWITCH: one JVM then serves both sides of each round, so the lasting difference
 * between two JVMs of the same code (their JIT's choices, up to 16% on /hello) is not in the ratio.
 * Off is {@code Recorder.activate(null)}: every server seam then returns at its first check, as it
 * does in a worker without the recorder, and nothing is journaled.
 *
 * <p>{@code java RecorderSwitch PID} attaches to the worker once, then loads itself as an agent
 * into it for each line read, {@code off} or {@code on}, and prints {@code ok} when it is done.
 */
public final class RecorderSwitch {

    /** The worker's recorder while it is switched off (in the worker, across loads of this agent). */
    private static Object saved;

    private RecorderSwitch() {
    }

    public static void agentmain(String command, Instrumentation instrumentation) throws ReflectiveOperationException {
        Class<?> recorder = Class.forName("dev.respawn.recorder.capture.Recorder", true,
                ClassLoader.getSystemClassLoader());
        Method active = recorder.getMethod("active");
        Method activate = recorder.getMethod("activate", recorder);
        synchronized (RecorderSwitch.class) {
            Object now = active.invoke(null);
            if ("off".equals(command)) {
                if (now != null) {
                    saved = now;
                }
                activate.invoke(null, (Object) null);
            } else if (now == null && saved != null) {
                activate.invoke(null, saved);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Files.createTempFile("recorder-switch", ".jar");
        jar.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Agent-Class"), "RecorderSwitch");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream self = RecorderSwitch.class.getResourceAsStream("RecorderSwitch.class")) {
            out.putNextEntry(new JarEntry("RecorderSwitch.class"));
            self.transferTo(out);
            out.closeEntry();
        }
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                vm.loadAgent(jar.toString(), line.strip());
                System.out.println("ok");
                System.out.flush();
            }
        } finally {
            vm.detach();
        }
    }
}
