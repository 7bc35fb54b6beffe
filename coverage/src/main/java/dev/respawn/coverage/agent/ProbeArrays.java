package dev.respawn.coverage.agent;

/**
 * Where JaCoCo keeps an instrumented class's probe array, as far as a redefinition is concerned.
 *
 * <p>For class files of Java 11 and later JaCoCo reaches the array through a dynamic constant,
 * which the JVM resolves again in a redefined class's new constant pool: the new version gets the
 * array of its own class id. Older class files keep it in a static field, whose value a
 * redefinition keeps: the new code would count into the old version's array.
 */
final class ProbeArrays {

    private static final int JAVA_11 = 55;

    private ProbeArrays() {
    }

    /** Whether a class redefined with these (uninstrumented) bytes gets a probe array of its own. */
    static boolean renewedOnRedefinition(byte[] classFile) {
        if (classFile == null || classFile.length < 8) {
            return false;
        }
        int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        return major >= JAVA_11;
    }
}
