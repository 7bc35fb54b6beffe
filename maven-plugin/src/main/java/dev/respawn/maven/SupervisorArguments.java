package dev.respawn.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The goal's parameters as the supervisor's own command-line options, so that respawn's one option
 * model parses and checks them.
 */
final class SupervisorArguments {

    private SupervisorArguments() {
    }

    static List<String> of(RunMojo mojo) {
        List<String> arguments = new ArrayList<>();
        if (mojo.reloadOnChanges()) {
            arguments.add("--reload-on-changes");
        }
        if (mojo.compileOnSave()) {
            arguments.add("--host-compiles-sources");
        }
        if (mojo.reloadMode() != null && !mojo.reloadMode().isBlank()) {
            arguments.add("--reload-mode");
            arguments.add(mojo.reloadMode().trim());
        }
        if (mojo.poll()) {
            arguments.add("--poll");
        }
        if (mojo.debugMode()) {
            arguments.add("--debug-mode");
        }
        arguments.add("--worker-directory");
        arguments.add(mojo.baseDirectory().getAbsolutePath());
        arguments.add("--debug-directory");
        arguments.add(mojo.debugDirectory().getAbsolutePath());
        for (Map.Entry<String, Object> addOn : mojo.addOns().entrySet()) {
            Object value = addOn.getValue();
            if (Boolean.TRUE.equals(value)) {
                arguments.add(addOn.getKey());
            } else if (value instanceof File directory) {
                arguments.add(addOn.getKey());
                arguments.add(directory.getAbsolutePath());
            } else if (value instanceof Integer number) {
                arguments.add(addOn.getKey());
                arguments.add(number.toString());
            } else if (value instanceof String text && !text.isBlank()) {
                arguments.add(addOn.getKey());
                arguments.add(text.strip());
            }
        }
        arguments.addAll(Words.split(mojo.options()));
        return arguments;
    }
}
