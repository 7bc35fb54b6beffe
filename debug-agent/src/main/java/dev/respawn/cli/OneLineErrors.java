package dev.respawn.cli;

import dev.respawn.reloader.options.OptionParser;
import dev.respawn.reloader.options.OptionsException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a user's mistake into one line and exit code 2, and any other failure into one line and
 * exit code 1; a stack trace only with {@code RESPAWN_DEBUG=1}.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("respawn: " + OptionParser.oneLine(e, false)
                + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof OptionsException) {
            commandLine.getErr().println("respawn: " + e.getMessage());
            return USAGE;
        }
        commandLine.getErr().println("respawn: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if ("1".equals(System.getenv("RESPAWN_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        }
        return 1;
    }
}
