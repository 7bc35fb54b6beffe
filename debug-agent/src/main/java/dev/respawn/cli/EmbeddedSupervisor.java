package dev.respawn.cli;

import java.util.List;

/**
 * The supervisor for a host that builds the worker's command itself (respawn's Maven plugin): the
 * same command line, parsed by the same picocli command, run in the host's JVM.
 */
public final class EmbeddedSupervisor {

    private EmbeddedSupervisor() {
    }

    /**
     * Runs {@code respawn OPTIONS -- COMMAND} until the worker ends or the JVM is asked to stop.
     *
     * @param options the supervisor's options, as on its command line
     * @param command the worker's command line
     * @return the exit code {@code java -jar respawn.jar} would end with
     */
    public static int run(List<String> options, List<String> command) {
        String[] arguments = new String[options.size() + 1 + command.size()];
        int i = 0;
        for (String option : options) {
            arguments[i++] = option;
        }
        arguments[i++] = "--";
        for (String word : command) {
            arguments[i++] = word;
        }
        return Main.commandLine().execute(arguments);
    }
}
