package dev.respawn.coverage;

import java.nio.file.Path;

/**
 * The files of one coverage directory: the merged exec file, what the agent recorded about the
 * classes, and the reports.
 *
 * @param directory the coverage directory ({@code --coverage-directory}), absolute
 */
public record CoverageFiles(Path directory) {

    public CoverageFiles {
        if (directory == null) {
            throw new IllegalArgumentException("'directory' must not be null");
        }
        directory = directory.toAbsolutePath().normalize();
    }

    /** Every worker life's execution data, one JaCoCo session each. */
    public Path exec() {
        return directory.resolve("respawn.exec");
    }

    /** Taken by every writer and reader of the exec file, across processes. */
    Path lock() {
        return directory.resolve("respawn.exec.lock");
    }

    /** The class folders and source path the agent saw, and its include/exclude patterns. */
    public Path classes() {
        return directory.resolve("classes.txt");
    }

    public Path html() {
        return directory.resolve("html");
    }

    public Path htmlIndex() {
        return html().resolve("index.html");
    }

    public Path xml() {
        return directory.resolve("jacoco.xml");
    }

    public Path csv() {
        return directory.resolve("jacoco.csv");
    }
}
