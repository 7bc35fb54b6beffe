package dev.respawn.cli;

import picocli.CommandLine;

/** {@code java -jar respawn.jar}: the supervisor and the commands beside it. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RespawnCommand());
        commandLine.setStopAtPositional(true);
        // Only the worker's command line ends the options; the commands beside it take them anywhere.
        commandLine.getSubcommands().values().forEach(sub -> sub.setStopAtPositional(false));
        commandLine.setParameterExceptionHandler(new OneLineErrors());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine;
    }
}
