package dev.respawn.reloader.supervisor;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.respawn.reloader.options.Options;

/**
 * What the supervisor runs and how.
 *
 * @param options the parsed options
 * @param command the worker's command line, as the user gave it after {@code --}
 * @param agentJar respawn.jar, attached to every worker
 * @param agentString the agent options that give the worker's agent the user's options
 * @param environment variables for every worker ({@code RESPAWN=1} and the feature markers)
 * @param extensions the add-ons taking part
 * @param out where the worker's standard output goes
 * @param err where the worker's standard error and the supervisor's own lines go
 */
public record SupervisorConfig(Options options, List<String> command, Path agentJar, String agentString,
        Map<String, String> environment, List<SupervisorExtension> extensions, PrintStream out, PrintStream err) {

    public SupervisorConfig {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("'command' must name the program to run");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        extensions = List.copyOf(extensions);
    }
}
