package dev.respawn.coverage.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.respawn.coverage.ClassPatterns;
import dev.respawn.reloader.tracking.BuildOutput;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.data.ExecutionDataStore;

/**
 * The coverage of one class folder (every class in it, run or not) or jar (only the classes the
 * patterns include or, without includes, those of a jar in a build's output that the build compiled,
 * see {@link BuildOutput}), analysed from the class files as they are now.
 */
final class Bundle {

    private final CoverageBuilder builder;

    private Bundle(CoverageBuilder builder) {
        this.builder = builder;
    }

    static Bundle analyze(Path root, ExecutionDataStore data, ClassPatterns.Matcher patterns, Consumer<String> say) {
        CoverageBuilder builder = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(data, coverage -> {
            if (patterns.test(coverage.getName())) {
                builder.visitCoverage(coverage);
            }
        });
        try {
            if (Files.isDirectory(root)) {
                analyzer.analyzeAll(root.toFile());
            } else {
                analyzeIncluded(analyzer, root, patterns);
            }
        } catch (IOException | RuntimeException e) {
            // A class file being rewritten by a build right now, say: report the rest.
            say.accept("coverage report: part of " + root + " could not be analysed (" + e.getMessage() + ")");
        }
        return new Bundle(builder);
    }

    private static void analyzeIncluded(Analyzer analyzer, Path jar, ClassPatterns.Matcher patterns) throws IOException {
        BuildOutput build = patterns.hasIncludes() ? null : new BuildOutput();
        if (build != null && build.classFolders(jar).isEmpty()) {
            return;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                if (build != null ? build.compiledEntry(jar, name).isPresent()
                        : patterns.test(name.substring(0, name.length() - ".class".length()))) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        analyzer.analyzeClass(in, jar + "!/" + name);
                    }
                }
            }
        }
    }

    IBundleCoverage coverage(String name) {
        return builder.getBundle(name);
    }

    /** Classes whose execution data is of another version of their class file. */
    Collection<IClassCoverage> noMatch() {
        return builder.getNoMatchClasses();
    }
}
