package dev.respawn.coverage.agent;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.IRuntime;
import org.jacoco.core.runtime.InjectedClassRuntime;
import org.jacoco.core.runtime.RuntimeData;

/**
 * respawn's own JaCoCo runtime: JaCoCo's {@link InjectedClassRuntime}, with one small class in
 * {@code java.lang} (defined by {@link RuntimeClass}) that every instrumented class reaches,
 * whatever its class loader.
 *
 * <p>It is the runtime JaCoCo's own agent uses on Java 9 and later, so it works where that one
 * does (Java 17 to 25 here): no system class has to be caught before it loads
 * ({@code ModifiedSystemClassRuntime}), and nothing sits in the system properties an application
 * may copy or clear ({@code SystemPropertiesRuntime}). Its class is
 * {@code java.lang.$RespawnJaCoCo}, not JaCoCo's {@code java.lang.$JaCoCo}, so a user's own
 * JaCoCo agent in the same JVM never finds or overwrites ours (JaCoCo #532).
 */
final class OwnRuntime implements CoverageRuntime {

    static final String CLASS_NAME = "$RespawnJaCoCo";

    private final RuntimeData data;
    private final Instrumenter instrumenter;

    private OwnRuntime(RuntimeData data, Instrumenter instrumenter) {
        this.data = data;
        this.instrumenter = instrumenter;
    }

    static OwnRuntime start(Instrumentation instrumentation) throws Exception {
        // defineClass in java.lang needs java.base to open java.lang to us, as JaCoCo's agent arranges too.
        instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                Map.of("java.lang", Set.of(OwnRuntime.class.getModule())), Set.of(), Map.of());
        RuntimeData data = new RuntimeData();
        // The class is defined here, not by the runtime's startup (see RuntimeClass); the runtime
        // only writes, into each instrumented class, the access to it by its name.
        RuntimeClass.define(CLASS_NAME, data);
        IRuntime runtime = new InjectedClassRuntime(Object.class, CLASS_NAME);
        return new OwnRuntime(data, new Instrumenter(runtime));
    }

    @Override
    public byte[] instrument(String internalName, byte[] original) throws Exception {
        return instrumenter.instrument(original, internalName);
    }

    @Override
    public ExecutionDataStore collect(boolean reset) {
        ExecutionDataStore store = new ExecutionDataStore();
        // Copies: a reset clears the very arrays the runtime hands out.
        data.collect(d -> store.put(new ExecutionData(d.getId(), d.getName(), d.getProbes().clone())),
                new SessionInfoStore(), reset);
        return store;
    }

    @Override
    public String describe() {
        return "respawn's JaCoCo runtime";
    }
}
