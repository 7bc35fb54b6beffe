package dev.respawn.coverage.agent;

import org.jacoco.core.data.ExecutionDataStore;

/** Where the probes of instrumented classes live, and how to read and clear them. */
interface CoverageRuntime {

    /** The class instrumented for this runtime, or null to leave its bytes as they are. */
    byte[] instrument(String internalName, byte[] original) throws Exception;

    /** The execution data so far of the classes this runtime covers, cleared when {@code reset}. */
    ExecutionDataStore collect(boolean reset) throws Exception;

    /** A few words for the terminal, e.g. "respawn's JaCoCo runtime". */
    String describe();
}
