package dev.respawn.reloader.builds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds a build tool's process that is building a project holding one of the application's
 * folders, so that a reload can wait for the whole build instead of following each of its steps.
 * It scans the machine's processes: ask once per burst of changes, never while idle.
 */
public final class RunningBuilds {

    private RunningBuilds() {
    }

    /**
     * A build of a project that holds (or is) one of {@code folders}. This process, its ancestors
     * and its descendants never count: under {@code mvn respawn:run} the supervisor is itself a
     * Maven build of the project, and a worker may be one too ({@code respawn -- ./mvnw exec:java}).
     *
     * @param ignored processes not to report again (builds already waited for long enough)
     */
    public static Optional<RunningBuild> building(Collection<Path> folders, Set<Long> ignored) {
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        List<Path> wanted = folders.stream().map(RunningBuilds::canonical).toList();
        Set<Long> excluded = new HashSet<>(ignored);
        excluded.addAll(family());
        try (Stream<ProcessHandle> processes = ProcessHandle.allProcesses()) {
            return processes.filter(process -> !excluded.contains(process.pid()))
                    .map(process -> recognise(process, wanted))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
    }

    /** This process, its ancestors and its descendants. */
    static Set<Long> family() {
        Set<Long> family = new HashSet<>();
        ProcessHandle current = ProcessHandle.current();
        family.add(current.pid());
        for (Optional<ProcessHandle> parent = current.parent(); parent.isPresent(); parent = parent.get().parent()) {
            if (!family.add(parent.get().pid())) {
                break;
            }
        }
        current.descendants().forEach(child -> family.add(child.pid()));
        return family;
    }

    private static Optional<RunningBuild> recognise(ProcessHandle process, List<Path> folders) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        return BuildCommandLine.recognise(command.get(), Arrays.asList(arguments.get()))
                .flatMap(recognised -> project(process, recognised.project())
                        .filter(project -> folders.stream().anyMatch(folder -> folder.startsWith(project)))
                        .map(project -> new RunningBuild(process, recognised.tool(), project)));
    }

    /** The directory named on the command line, against the process's working directory when relative. */
    private static Optional<Path> project(ProcessHandle process, Optional<Path> named) {
        if (named.isPresent() && named.get().isAbsolute()) {
            return Optional.of(canonical(named.get()));
        }
        return workingDirectory(process).map(directory -> canonical(named.map(directory::resolve).orElse(directory)));
    }

    /** Where the process runs; Linux tells through /proc, other systems not to a JVM. */
    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
