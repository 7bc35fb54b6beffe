package dev.respawn.examples.hello;

/**
 * Background work that serves no request (started with {@code -Dhello.housekeeping=true}): a
 * request-only profile must not show it, a whole-JVM profile does. Like many such jobs, nothing
 * stops it, so the application never stops by itself: an in-JVM restart must notice. It ends
 * when interrupted, unless started with {@code -Dhello.housekeeping=stubborn}.
 */
final class Housekeeping {

    private Housekeeping() {
    }

    static void startIfAsked() {
        String mode = System.getProperty("hello.housekeeping", "");
        if (!mode.equals("true") && !mode.equals("stubborn")) {
            return;
        }
        boolean stubborn = mode.equals("stubborn");
        Thread thread = new Thread(() -> run(stubborn), "housekeeping");
        thread.setDaemon(false);
        thread.start();
    }

    private static void run(boolean stubborn) {
        while (true) {
            churn();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                if (!stubborn) {
                    return;
                }
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
