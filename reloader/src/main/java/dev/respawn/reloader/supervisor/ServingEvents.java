package dev.respawn.reloader.supervisor;

import java.util.List;
import java.util.Set;

/**
 * Tells the add-ons when the application stops answering for a reload, when it serves again, and
 * when it cannot serve: the moments a front before the worker holds, forwards, or explains.
 */
record ServingEvents(List<SupervisorExtension> extensions) {

    ServingEvents {
        extensions = List.copyOf(extensions);
    }

    void reloading() {
        extensions.forEach(SupervisorExtension::reloading);
    }

    void serving(Set<Integer> ports) {
        extensions.forEach(extension -> extension.serving(Set.copyOf(ports)));
    }

    void notServing(String why) {
        extensions.forEach(extension -> extension.notServing(why));
    }
}
