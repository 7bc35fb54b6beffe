package dev.respawn.reloader.loopback;

import java.util.concurrent.Semaphore;

/**
 * A cap on the connections a loopback channel holds before they have said its secret: any local
 * user can connect, so one who opens hundreds of idle connections must not cost the channel a
 * thread each; past the cap, a new connection is closed at once.
 */
public final class Admission {

    private final Semaphore places;

    public Admission(int places) {
        if (places < 1) {
            throw new IllegalArgumentException("'places' must be 1 or more, not " + places);
        }
        this.places = new Semaphore(places);
    }

    /** Takes a place for a new connection; false when all are taken. */
    public boolean tryEnter() {
        return places.tryAcquire();
    }

    /** Gives the place back, once the connection said the secret or was closed. */
    public void leave() {
        places.release();
    }
}
