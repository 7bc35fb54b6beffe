package dev.respawn.coverage.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.respawn.reloader.tracking.BuildOutput;
import dev.respawn.reloader.tracking.SourceLocator;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.ISourceFileLocator;
import org.jacoco.report.MultiSourceFileLocator;

/**
 * The source folders of a class folder, or of a jar in a build's output (those of the build's class
 * folders), as the reloader guesses them, for the HTML's highlighted source.
 */
final class SourceFolders {

    private static final int TAB_WIDTH = 4;

    private final SourceLocator locator;

    SourceFolders(List<Path> sourcePath) {
        this.locator = new SourceLocator(sourcePath);
    }

    ISourceFileLocator forClassRoot(Path classRoot) {
        MultiSourceFileLocator sources = new MultiSourceFileLocator(TAB_WIDTH);
        List<Path> classFolders = Files.isRegularFile(classRoot) ? new BuildOutput().classFolders(classRoot)
                : List.of(classRoot);
        for (Path root : classFolders.isEmpty() ? locator.candidateRoots(classRoot) : classFolders.stream()
                .flatMap(folder -> locator.candidateRoots(folder).stream()).distinct().toList()) {
            if (Files.isDirectory(root)) {
                sources.add(new DirectorySourceFileLocator(root.toFile(), "UTF-8", TAB_WIDTH));
            }
        }
        return sources;
    }
}
