package dev.respawn.reloader.restart;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The servers, contexts and event loops one life of the application created, recorded as they
 * are constructed (see {@link CreationRecorder}) and held weakly, so that stopping the life stops
 * what it made rather than what thread names suggest. Public only because the recording call is
 * woven into the libraries' constructors, in the JVM's application class loader.
 */
public final class LifeObjects {

    private static volatile LifeObjects running;

    private final List<WeakReference<Object>> objects = new ArrayList<>();

    LifeObjects() {
    }

    /** Makes this the running life's record: objects constructed from now on are this life's. */
    void begin() {
        running = this;
    }

    /** The call woven at the end of each recorded type's constructors. */
    public static void created(Object object) {
        LifeObjects life = running;
        if (life != null && object != null) {
            life.add(object);
        }
    }

    void add(Object object) {
        synchronized (objects) {
            // A constructor that delegates to another of its class records the object twice.
            for (WeakReference<Object> held : objects) {
                if (held.get() == object) {
                    return;
                }
            }
            objects.removeIf(held -> held.get() == null);
            objects.add(new WeakReference<>(object));
        }
    }

    /** What this life made that is still reachable, in the order it was made. */
    List<Object> all() {
        synchronized (objects) {
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Object> alive = new ArrayList<>();
            objects.stream().map(WeakReference::get).filter(Objects::nonNull).filter(seen::add).forEach(alive::add);
            return alive;
        }
    }
}
