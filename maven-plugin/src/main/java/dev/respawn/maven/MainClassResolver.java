package dev.respawn.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import dev.respawn.cli.MainClasses;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The worker's main class: the {@code mainClass} parameter, else the {@code exec.mainClass} or
 * {@code start-class} property, else the one class in the output directory with a main method.
 */
final class MainClassResolver {

    private MainClassResolver() {
    }

    static String resolve(String parameter, Properties properties, Path classes) throws MojoFailureException {
        for (String given : new String[] {parameter, properties.getProperty("exec.mainClass"),
                properties.getProperty("start-class")}) {
            if (given != null && !given.isBlank()) {
                return given.trim();
            }
        }
        List<String> candidates = MainClasses.in(classes);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new MojoFailureException("respawn: no class with public static void main(String[]) in " + classes
                    + "; set <mainClass> in the plugin's configuration or -Drespawn.mainClass=...");
        }
        throw new MojoFailureException("respawn: " + candidates.size() + " classes have a main method ("
                + String.join(", ", candidates) + "); choose one with <mainClass> or -Drespawn.mainClass=...");
    }
}
