package dev.respawn.reloader.restart;

/** An application whose {@code main} runs while the system property {@link #BLOCK} is set, then returns. */
public final class BlockingMain {

    static final String BLOCK = "respawn.test.blocking-main";

    private BlockingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        while (System.getProperty(BLOCK) != null) {
            Thread.sleep(10);
        }
    }
}
