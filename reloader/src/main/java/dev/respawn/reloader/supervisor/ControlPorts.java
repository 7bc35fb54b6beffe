package dev.respawn.reloader.supervisor;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.respawn.reloader.control.ControlFile;

/**
 * The workers' control-channel ports and the add-ons' (a debugger's JDWP port), which are respawn's
 * and not the application's: a new worker is ready when the application listens, each life's
 * control port is a new one, and an add-on's port may be too (exception capture's JDWP port).
 */
final class ControlPorts {

    private final Path directory;
    private final Supplier<Set<Integer>> addOnPorts;

    ControlPorts(Path debugDirectory) {
        this(debugDirectory, Set::of);
    }

    /** @param addOnPorts the ports the add-ons make the current worker listen on */
    ControlPorts(Path debugDirectory, Supplier<Set<Integer>> addOnPorts) {
        this.directory = ControlFile.directory(debugDirectory);
        this.addOnPorts = addOnPorts;
    }

    Set<Integer> withoutControlPorts(Set<Integer> ports, List<ProcessHandle> processes) {
        if (ports.isEmpty()) {
            return ports;
        }
        Set<Integer> application = new HashSet<>(ports);
        for (ProcessHandle process : processes) {
            ControlFile.find(directory, process.pid()).ifPresent(file -> application.remove(file.port()));
        }
        application.removeAll(addOnPorts.get());
        return application;
    }
}
