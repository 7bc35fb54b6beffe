package dev.respawn.maven;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.apache.maven.shared.filtering.MavenFilteringException;
import org.apache.maven.shared.filtering.MavenResourcesExecution;
import org.apache.maven.shared.filtering.MavenResourcesFiltering;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Copies the project's resources as {@code mvn process-resources} does, with maven-resources-plugin's
 * own filtering component: each resource entry's includes, excludes, target path and filtering
 * with the project's properties and filters, in the entries' order, and the plugin's delimiters
 * and escape string where the project configures them (Spring Boot's parent filters with {@code @}).
 */
final class MavenResources {

    private final MavenResourcesFiltering filtering;
    private final MavenProject project;
    private final MavenSession session;
    private final Path output;

    MavenResources(MavenResourcesFiltering filtering, MavenProject project, MavenSession session, Path output) {
        this.filtering = filtering;
        this.project = project;
        this.session = session;
        this.output = output;
    }

    /** Copies every resource entry again: unchanged plain files are skipped, filtered ones rewritten. */
    void copy() throws MavenFilteringException {
        String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
        MavenResourcesExecution execution = new MavenResourcesExecution(project.getResources(), output.toFile(), project,
                encoding, project.getBuild().getFilters(), List.of(), session);
        execution.setInjectProjectBuildFilters(false);
        Xpp3Dom configuration = configuration();
        if (configuration != null) {
            LinkedHashSet<String> delimiters = new LinkedHashSet<>();
            Xpp3Dom configured = configuration.getChild("delimiters");
            if (configured != null) {
                for (Xpp3Dom delimiter : configured.getChildren()) {
                    delimiters.add(value(delimiter));
                }
            }
            Xpp3Dom useDefaults = configuration.getChild("useDefaultDelimiters");
            execution.setDelimiters(delimiters, useDefaults == null || !"false".equals(value(useDefaults)));
            Xpp3Dom escape = configuration.getChild("escapeString");
            if (escape != null) {
                execution.setEscapeString(value(escape));
            }
        }
        filtering.filterResources(execution);
    }

    /** maven-resources-plugin's configuration in the project, with its properties resolved. */
    private Xpp3Dom configuration() {
        Plugin plugin = project.getPlugin("org.apache.maven.plugins:maven-resources-plugin");
        return plugin == null || !(plugin.getConfiguration() instanceof Xpp3Dom dom) ? null : dom;
    }

    /** A configured value, with a {@code ${property}} read from the project's properties. */
    private String value(Xpp3Dom node) {
        String value = node.getValue() == null ? "" : node.getValue().strip();
        if (value.startsWith("${") && value.endsWith("}")) {
            return project.getProperties().getProperty(value.substring(2, value.length() - 1), value);
        }
        return value;
    }
}
