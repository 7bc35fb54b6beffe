package dev.respawn.reloader.restart;

/** A target for {@link LifeStopTest}: a thread that nothing stops, not even an interrupt (for a few seconds). */
public final class StubbornApp {

    private StubbornApp() {
    }

    public static void main(String[] args) {
        Thread stubborn = new Thread(() -> {
            long end = System.nanoTime() + 6_000_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    // Ignored, as too many loops do.
                }
            }
        }, "stubborn");
        stubborn.start();
    }
}
