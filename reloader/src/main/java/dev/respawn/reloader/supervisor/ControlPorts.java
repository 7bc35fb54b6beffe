package dev.respawn.reloader.supervisor;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.respawn.reloader.control.ControlFile;

/**
 * The workers' control-channel ports, which are respawn's and not the application's: a new
 * worker is ready when the application listens, and each life's control port is a new one.
 */
final class ControlPorts {

    private final Path directory;

    ControlPorts(Path debugDirectory) {
        this.directory = ControlFile.directory(debugDirectory);
    }

    Set<Integer> withoutControlPorts(Set<Integer> ports, List<ProcessHandle> processes) {
        if (ports.isEmpty()) {
            return ports;
        }
        Set<Integer> application = new HashSet<>(ports);
        for (ProcessHandle process : processes) {
            ControlFile.find(directory, process.pid()).ifPresent(file -> application.remove(file.port()));
        }
        return application;
    }
}
