package dev.respawn.coverage.agent;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataReader;
import org.jacoco.core.data.ExecutionDataStore;

/**
 * A user's own JaCoCo agent ({@code -javaagent:jacocoagent.jar}) in the same JVM, whose data
 * respawn shares instead of instrumenting a second time.
 *
 * <p>Two JaCoCo instrumentations of one class cannot both be right: the second sees the first's
 * bytes, so its class ids (CRC64 of the bytes it saw) match no class file, and JaCoCo refuses to
 * instrument a class that already carries {@code $jacocoData}. So respawn leaves every class to
 * the user's agent, which sees the original bytes, and reads that agent's data through its public
 * API (its class {@code RT}) when it writes a session: both tools then report the same,
 * correct coverage.
 */
final class ForeignJacocoAgent implements CoverageRuntime {

    /** The class JaCoCo's agent (0.8.3 and later, on Java 9 and later) defines for its runtime. */
    private static final String JACOCO_RUNTIME_CLASS = "java.lang.$JaCoCo";
    /** The field older JaCoCo agents add to a system class instead. */
    private static final String JACOCO_ACCESS_FIELD = "$jacocoAccess";

    /**
     * JaCoCo agent's API, spelt out at run time: respawn.jar's shading rewrites every literal
     * "org.jacoco" to its private copy's package, which is not the user's agent.
     */
    static final String API_PACKAGE = String.join(".", "org", "jacoco", "agent", "rt");

    private final Set<String> covered = ConcurrentHashMap.newKeySet();

    private ForeignJacocoAgent() {
    }

    /**
     * The user's JaCoCo agent, when one has started in this JVM. Cheap enough for the first
     * class load: a look-up in the boot class loader and one reflective field check, no loading.
     */
    static Optional<ForeignJacocoAgent> find() {
        try {
            Class.forName(JACOCO_RUNTIME_CLASS, false, null);
            return Optional.of(new ForeignJacocoAgent());
        } catch (ClassNotFoundException | LinkageError e) {
            // Not the current JaCoCo's runtime; perhaps an older one.
        }
        for (Class<?> system : new Class<?>[] {UnknownError.class, java.util.UUID.class}) {
            try {
                system.getDeclaredField(JACOCO_ACCESS_FIELD);
                return Optional.of(new ForeignJacocoAgent());
            } catch (NoSuchFieldException | SecurityException e) {
                // Not there.
            }
        }
        return Optional.empty();
    }

    @Override
    public byte[] instrument(String internalName, byte[] original) {
        covered.add(internalName);
        return null;
    }

    @Override
    public ExecutionDataStore collect(boolean reset) throws Exception {
        Class<?> rt = Class.forName(API_PACKAGE + ".RT", true, ClassLoader.getSystemClassLoader());
        Class<?> api = Class.forName(API_PACKAGE + ".IAgent", true, ClassLoader.getSystemClassLoader());
        Object agent = rt.getMethod("getAgent").invoke(null);
        Method getExecutionData = api.getMethod("getExecutionData", boolean.class);
        byte[] exec = (byte[]) getExecutionData.invoke(agent, reset);
        ExecutionDataStore all = new ExecutionDataStore();
        ExecutionDataReader reader = new ExecutionDataReader(new ByteArrayInputStream(exec));
        reader.setExecutionDataVisitor(all);
        reader.setSessionInfoVisitor(info -> { });
        reader.read();
        ExecutionDataStore ours = new ExecutionDataStore();
        for (ExecutionData data : all.getContents()) {
            if (covered.contains(data.getName())) {
                ours.put(data);
            }
        }
        return ours;
    }

    @Override
    public String describe() {
        return "the data of the other JaCoCo agent in this JVM (its classes are left to it)";
    }
}
