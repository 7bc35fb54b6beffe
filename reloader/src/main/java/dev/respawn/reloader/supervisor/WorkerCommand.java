package dev.respawn.reloader.supervisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker's command line and environment: the respawn agent inserted after the {@code java}
 * executable, or given through {@code JAVA_TOOL_OPTIONS} when the command is a script.
 */
final class WorkerCommand {

    static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private WorkerCommand() {
    }

    record Prepared(List<String> command, Map<String, String> environment) {
    }

    static Prepared prepare(List<String> command, Path agentJar, String agentString, List<String> jvmArguments,
            Map<String, String> environment, Map<String, String> inherited) {
        String agent = "-javaagent:" + agentJar + (agentString.isEmpty() ? "" : "=" + agentString);
        Map<String, String> env = new HashMap<>(environment);
        List<String> line = new ArrayList<>();
        if (isJava(command.get(0))) {
            line.add(command.get(0));
            // The agent first: a warm worker waits in its premain, and JDWP (an add-on's argument)
            // must not listen before that wait ends.
            line.add(agent);
            line.addAll(jvmArguments);
            line.addAll(command.subList(1, command.size()));
        } else {
            line.addAll(command);
            StringBuilder options = new StringBuilder();
            String existing = inherited.get(TOOL_OPTIONS);
            if (existing != null && !existing.isBlank()) {
                options.append(existing.strip()).append(' ');
            }
            options.append(quoted(agent));
            jvmArguments.forEach(argument -> options.append(' ').append(quoted(argument)));
            env.put(TOOL_OPTIONS, options.toString());
        }
        return new Prepared(line, env);
    }

    static boolean isJava(String executable) {
        Path name = Path.of(executable).getFileName();
        String file = name == null ? executable : name.toString();
        return file.equals("java") || file.equals("java.exe") || file.equals("javaw.exe");
    }

    private static String quoted(String argument) {
        return argument.contains(" ") ? "\"" + argument + "\"" : argument;
    }
}
