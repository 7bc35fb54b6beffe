package dev.respawn.reloader.supervisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A worker for {@link ShutdownGraceTest}: {@code SlowShutdownHook FILE SECONDS busy|idle} says
 * "ready" and waits; on SIGTERM its shutdown hook works (spins) or idles (sleeps) for SECONDS and
 * then writes FILE, as an application's close and an add-on's report at exit would.
 */
public final class SlowShutdownHook {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        boolean busy = args[2].equals("busy");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long spins = 0;
            while (System.nanoTime() < until) {
                if (busy) {
                    spins++;
                } else {
                    sleep();
                }
            }
            try {
                Files.writeString(file, "written after " + spins + " spins\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
