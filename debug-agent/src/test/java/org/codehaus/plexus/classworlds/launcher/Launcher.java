package org.codehaus.plexus.classworlds.launcher;

/**
 * Stands in for Maven's launcher in integration tests: a process with the main class that {@code mvn}
 * starts, which builds nothing and runs for the seconds it is given, while the test writes what the
 * build would.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "120") * 1000);
    }
}
