package dev.respawn.examples.hello;

/**
 * Background work that serves no request (started with {@code -Dhello.housekeeping=true}): a
 * request-only profile must not show it, a whole-JVM profile does. Like many such jobs, nothing
 * stops it, so the application never stops by itself: an in-JVM restart must notice.
 */
final class Housekeeping {

    private Housekeeping() {
    }

    static void startIfAsked() {
        if (!Boolean.getBoolean("hello.housekeeping")) {
            return;
        }
        Thread thread = new Thread(Housekeeping::run, "housekeeping");
        thread.setDaemon(false);
        thread.start();
    }

    private static void run() {
        while (true) {
            churn();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long churn() {
        long sum = 0;
        for (int i = 0; i < 3_000_000; i++) {
            sum += Long.numberOfTrailingZeros(i * 0x9E3779B97F4A7C15L);
        }
        return sum;
    }
}
