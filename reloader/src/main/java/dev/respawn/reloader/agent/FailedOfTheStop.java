package dev.respawn.reloader.agent;

import dev.respawn.reloader.restart.ShutdownHooks;

/**
 * The JVM main thread's handler of what {@code main} throws, in a worker that runs {@code main}
 * itself (no restarts inside the JVM): a {@code main} still starting when the worker is told to
 * stop fails of the stop (its {@code addShutdownHook} throws "Shutdown in progress"), which is not
 * the application's failure to print. Anything else goes where it would have gone.
 */
final class FailedOfTheStop implements Thread.UncaughtExceptionHandler {

    private FailedOfTheStop() {
    }

    /** Handles {@code main}'s failures unless the application or a library gave the thread a handler. */
    static void install(Thread main) {
        if (main.getUncaughtExceptionHandler() == main.getThreadGroup()) {
            main.setUncaughtExceptionHandler(new FailedOfTheStop());
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (!shuttingDown()) {
            thread.getThreadGroup().uncaughtException(thread, failure);
        }
    }

    private static boolean shuttingDown() {
        try {
            return ShutdownHooks.jvmShuttingDown();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
