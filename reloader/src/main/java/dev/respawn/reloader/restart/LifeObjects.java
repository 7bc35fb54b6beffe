package dev.respawn.reloader.restart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The servers, contexts and event loops one life of the application created, recorded as they
 * are constructed (see {@link CreationRecorder}), so that stopping the life stops what it made
 * rather than what thread names suggest. Held strongly until the life ends: a server that only
 * its own threads use (Undertow's, once {@code main} returns) is otherwise unreachable while it
 * still serves. Public only because the recording call is woven into the libraries'
 * constructors, in the JVM's application class loader.
 */
public final class LifeObjects {

    private static volatile LifeObjects running;

    private final Set<Object> objects = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final List<Object> order = Collections.synchronizedList(new ArrayList<>());

    LifeObjects() {
    }

    /** Makes this the running life's record: objects constructed from now on are this life's. */
    void begin() {
        running = this;
    }

    /** The call woven at the end of each recorded type's constructors. */
    public static void created(Object object) {
        LifeObjects life = running;
        if (life != null && object != null && life.objects.add(object)) {
            // A constructor that delegates to another of its class records the object twice: once here.
            life.order.add(object);
        }
    }

    /** What this life made, in the order it was made. */
    List<Object> all() {
        synchronized (order) {
            return List.copyOf(order);
        }
    }

    /** Lets go of what this life made, once it is stopped. */
    void clear() {
        objects.clear();
        order.clear();
    }
}
