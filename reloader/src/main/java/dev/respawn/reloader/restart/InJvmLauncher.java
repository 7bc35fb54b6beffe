package dev.respawn.reloader.restart;

/**
 * Where the stub of the application's main class hands over: runs the application's first life
 * in a restart class loader. Public only because the stub, in the JVM's application class loader,
 * calls it.
 */
public final class InJvmLauncher {

    private static volatile Restarter restarter;

    private InJvmLauncher() {
    }

    static void install(Restarter installed) {
        restarter = installed;
    }

    /** The stub's {@code main}: runs {@code mainClass}'s {@code main} in the first life's loader. */
    public static void launch(String mainClass, String[] args) throws Throwable {
        Restarter installed = restarter;
        if (installed == null) {
            throw new IllegalStateException("respawn's stub of " + mainClass + " ran without respawn's agent");
        }
        installed.runFirstLife(args);
    }
}
