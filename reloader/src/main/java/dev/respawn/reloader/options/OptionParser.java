package dev.respawn.reloader.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Supervisor-side option handling (picocli): turns picocli's errors into one line, and turns
 * the supervisor's matched options back into an agent string: the supervisor's command line and
 * {@code -javaagent:respawn.jar=...} share one set of names.
 * The agent parses its string with {@link Options#fromAgentString}, which loads no picocli.
 */
public final class OptionParser {

    private static final Set<String> SUPERVISOR_ONLY = Set.of("--front-port", "--url-alias", "--browser-reload");

    private OptionParser() {
    }

    /** Checks options that picocli filled in as part of a larger command. */
    public static Options validated(Options options) {
        options.validate();
        return options;
    }

    static List<String> agentArguments(String agentString) {
        List<String> arguments = new ArrayList<>();
        if (agentString == null) {
            return arguments;
        }
        for (String item : agentString.split(",")) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            arguments.add(trimmed.startsWith("-") ? trimmed : "--" + trimmed);
        }
        return arguments;
    }

    /**
     * The agent string that gives the worker's agent the same options the user matched on the
     * supervisor's command line.
     */
    public static String toAgentString(List<OptionSpec> matched) {
        Set<String> ours = optionNames();
        List<String> items = new ArrayList<>();
        // picocli lists a repeated option once per occurrence, each with all of its values.
        for (OptionSpec option : new java.util.LinkedHashSet<>(matched)) {
            String name = option.longestName();
            // Hidden options are the supervisor's host talking to the supervisor, and the front is the
            // supervisor's alone: the agent needs none of them.
            if (!ours.contains(name) || option.hidden() || SUPERVISOR_ONLY.contains(name)) {
                continue;
            }
            String bare = name.substring(2);
            if (option.arity().max() == 0) {
                items.add(bare);
                continue;
            }
            for (String original : option.originalStringValues()) {
                // A list given as a,b on the command line travels as a:b, the agent's list syntax.
                String value = option.splitRegex().isEmpty() ? original : String.join(":", original.split(option.splitRegex()));
                if (value.contains(",")) {
                    throw new OptionsException(name + " value '" + value
                            + "' holds a comma, which the agent string cannot carry; rename the path or pattern");
                }
                items.add(bare + "=" + value);
            }
        }
        return String.join(",", items);
    }

    /** The long names of every option, with their dashes. */
    public static Set<String> optionNames() {
        return CommandSpec.forAnnotatedObject(new Options()).options().stream()
                .map(OptionSpec::longestName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * One line for a picocli error: what was wrong, and what is accepted. In agent syntax the
     * names lose their dashes, as the user wrote them.
     */
    public static String oneLine(ParameterException e, boolean agentSyntax) {
        String message;
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> unknown = unmatched.getUnmatched();
            String first = unknown.isEmpty() ? "?" : unknown.get(0);
            if (agentSyntax) {
                first = stripDashes(first);
            }
            List<String> suggestions = unmatched.getSuggestions();
            String hint = suggestions.isEmpty() ? ""
                    : " (did you mean " + display(suggestions.get(0), agentSyntax) + "?)";
            String valid = e.getCommandLine().getCommandSpec().options().stream()
                    .filter(option -> !option.hidden())
                    .map(OptionSpec::longestName)
                    .filter(n -> !n.equals("--help") && !n.equals("--version"))
                    .map(n -> display(n, agentSyntax))
                    .sorted()
                    .collect(Collectors.joining(", "));
            message = "unknown option '" + first + "'" + hint + "; valid options: " + valid;
        } else {
            message = e.getMessage();
            if (agentSyntax) {
                message = message.replace("'--", "'");
            }
        }
        return message.replace('\n', ' ').strip();
    }

    private static String display(String name, boolean agentSyntax) {
        return agentSyntax ? stripDashes(name) : name;
    }

    private static String stripDashes(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '-') {
            i++;
        }
        return name.substring(i);
    }
}
