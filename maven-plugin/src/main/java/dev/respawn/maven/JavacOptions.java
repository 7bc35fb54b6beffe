package dev.respawn.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * javac's options for a project as maven-compiler-plugin would pass them: release (or source and
 * target), encoding, {@code compilerArgs}, the classpath; always {@code -g} and {@code -parameters}.
 */
final class JavacOptions {

    private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";

    private JavacOptions() {
    }

    static List<String> of(MavenProject project, List<String> classpath) {
        Properties properties = project.getProperties();
        Xpp3Dom configuration = configuration(project.getPlugin(COMPILER));
        List<String> options = new ArrayList<>(List.of("-g", "-parameters", "-implicit:none", "-nowarn"));
        options.add("-classpath");
        options.add(String.join(File.pathSeparator, classpath));
        String encoding = setting(configuration, "encoding", properties, "project.build.sourceEncoding");
        if (encoding != null) {
            options.add("-encoding");
            options.add(encoding);
        }
        options.addAll(compilerArgs(configuration));
        String release = setting(configuration, "release", properties, "maven.compiler.release");
        if (release != null) {
            options.add("--release");
            options.add(release);
            return options;
        }
        String source = setting(configuration, "source", properties, "maven.compiler.source");
        String target = setting(configuration, "target", properties, "maven.compiler.target");
        if (source != null) {
            options.add("-source");
            options.add(source);
        }
        if (target != null) {
            options.add("-target");
            options.add(target);
        }
        return options;
    }

    private static Xpp3Dom configuration(Plugin plugin) {
        return plugin != null && plugin.getConfiguration() instanceof Xpp3Dom dom ? dom : null;
    }

    /** {@code <compilerArgs><arg>...</arg></compilerArgs>}, as the compiler plugin passes them. */
    private static List<String> compilerArgs(Xpp3Dom configuration) {
        Xpp3Dom args = configuration == null ? null : configuration.getChild("compilerArgs");
        List<String> values = new ArrayList<>();
        if (args != null) {
            for (Xpp3Dom arg : args.getChildren()) {
                if (arg.getValue() != null && !arg.getValue().isBlank()) {
                    values.add(arg.getValue().trim());
                }
            }
        }
        return values;
    }

    /** The plugin's configuration if it sets a plain value there, else the property. */
    private static String setting(Xpp3Dom configuration, String name, Properties properties, String property) {
        Xpp3Dom child = configuration == null ? null : configuration.getChild(name);
        String value = child == null ? null : child.getValue();
        if (value == null || value.isBlank() || value.contains("${")) {
            value = properties.getProperty(property);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
