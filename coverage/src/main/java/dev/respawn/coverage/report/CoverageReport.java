package dev.respawn.coverage.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.respawn.coverage.CoverageFiles;
import dev.respawn.coverage.ExecFile;
import dev.respawn.coverage.RecordedClasses;
import dev.respawn.reloader.output.OwnerOnly;
import dev.respawn.reloader.tracking.BuildOutput;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import org.jacoco.report.FileMultiReportOutput;
import org.jacoco.report.IReportGroupVisitor;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.MultiReportVisitor;
import org.jacoco.report.csv.CSVFormatter;
import org.jacoco.report.html.HTMLFormatter;
import org.jacoco.report.xml.XMLFormatter;

/**
 * Writes {@code html/index.html}, {@code jacoco.xml} and {@code jacoco.csv} from the merged exec
 * file, the class folders the agent recorded (as they are now) and their source folders, with
 * JaCoCo's own report API: what JaCoCo's Maven plugin, IDEs and SonarQube read.
 */
public final class CoverageReport {

    private final CoverageFiles files;
    private final ExecFile exec;
    private final List<Path> sourcePath;
    private final Consumer<String> say;

    /**
     * @param sourcePath source folders besides those recorded and guessed ({@code --source-path})
     * @param say takes one line for the terminal, e.g. that a damaged exec file was set aside
     */
    public CoverageReport(CoverageFiles files, ExecFile exec, List<Path> sourcePath, Consumer<String> say) {
        this.files = files;
        this.exec = exec;
        this.sourcePath = List.copyOf(sourcePath);
        this.say = say;
    }

    /** Writes the reports, or throws a one-line reason when there is nothing to report. */
    public ReportSummary write() throws IOException {
        if (!Files.isDirectory(files.directory())) {
            throw new IOException("no coverage recorded in " + files.directory()
                    + " yet; run the application with respawn --enable-coverage and use it first");
        }
        ExecFile.Loaded loaded = exec.load();
        loaded.setAside().ifPresent(say);
        RecordedClasses recorded = exec.recordedClasses();
        if (recorded.classRoots().isEmpty()) {
            throw new IOException("no application classes recorded in " + files.classes()
                    + " yet; run the application with respawn --enable-coverage and use it first");
        }
        ExecFileLoader data = loaded.data();
        List<Path> sources = new ArrayList<>(sourcePath);
        sources.addAll(recorded.sourcePath());
        Map<String, IBundleCoverage> bundles = new LinkedHashMap<>();
        Map<String, Path> rootsByBundle = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        for (Path root : recorded.classRoots().stream().sorted().toList()) {
            if (!Files.exists(root)) {
                say.accept("coverage report leaves out " + root + ", which no longer exists");
                continue;
            }
            Bundle bundle = Bundle.analyze(root, data.getExecutionDataStore(), recorded.patterns().matcher(), say);
            String name = uniqueName(bundleName(root), bundles);
            bundles.put(name, bundle.coverage(name));
            rootsByBundle.put(name, root);
            bundle.noMatch().stream().map(IClassCoverage::getName).map(n -> n.replace('/', '.')).sorted()
                    .forEach(changed::add);
        }
        Path partial = files.directory().resolve("html.tmp-" + ProcessHandle.current().pid());
        try {
            write(partial, data, bundles, rootsByBundle, sources);
        } catch (IOException | RuntimeException e) {
            // A full disk: no half a report is left beside the last whole one.
            try {
                deleteTree(partial);
            } catch (IOException ignored) {
                // What could not be deleted is replaced by the next report.
            }
            throw e;
        }
        int covered = bundles.values().stream().mapToInt(b -> b.getLineCounter().getCoveredCount()).sum();
        int total = bundles.values().stream().mapToInt(b -> b.getLineCounter().getTotalCount()).sum();
        return new ReportSummary(files.htmlIndex(), data.getSessionInfoStore().getInfos().size(), covered, total, changed);
    }

    private void write(Path html, ExecFileLoader data, Map<String, IBundleCoverage> bundles, Map<String, Path> roots,
            List<Path> sourcePath) throws IOException {
        deleteTree(html);
        OwnerOnly.directories(html);
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        HTMLFormatter htmlFormatter = new HTMLFormatter();
        htmlFormatter.setOutputEncoding("UTF-8");
        htmlFormatter.setFooterText("respawn");
        XMLFormatter xmlFormatter = new XMLFormatter();
        xmlFormatter.setOutputEncoding("UTF-8");
        CSVFormatter csvFormatter = new CSVFormatter();
        csvFormatter.setOutputEncoding("UTF-8");
        IReportVisitor visitor = new MultiReportVisitor(List.of(
                htmlFormatter.createVisitor(new FileMultiReportOutput(html.toFile())),
                xmlFormatter.createVisitor(xml), csvFormatter.createVisitor(csv)));
        visitor.visitInfo(data.getSessionInfoStore().getInfos(), data.getExecutionDataStore().getContents());
        // One class folder is the report itself; several are grouped, as JaCoCo's aggregate report does.
        IReportGroupVisitor group = bundles.size() == 1 ? visitor : visitor.visitGroup("coverage");
        for (Map.Entry<String, IBundleCoverage> bundle : bundles.entrySet()) {
            group.visitBundle(bundle.getValue(), new SourceFolders(sourcePath).forClassRoot(roots.get(bundle.getKey())));
        }
        visitor.visitEnd();
        // JaCoCo's report writer creates its files with the process's umask.
        OwnerOnly.restrict(html);
        deleteTree(files.html());
        Files.move(html, files.html());
        OwnerOnly.write(files.xml(), xml.toByteArray());
        OwnerOnly.write(files.csv(), csv.toByteArray());
    }

    /** The project's folder name for {@code target/classes} or {@code build/classes/java/main}. */
    static String bundleName(Path root) {
        if (Files.isRegularFile(root)) {
            // A jar of a build's output is named after its project, as the project's class folder is.
            List<Path> folders = new BuildOutput().classFolders(root);
            if (!folders.isEmpty()) {
                return bundleName(folders.get(0));
            }
        }
        Path project = root;
        if (root.getParent() != null && root.getParent().getFileName() != null
                && root.getParent().getFileName().toString().equals("target")) {
            project = root.getParent().getParent();
        } else if (root.getNameCount() >= 4 && root.getParent().getParent().getFileName().toString().equals("classes")) {
            project = root.getParent().getParent().getParent().getParent();
        }
        Path name = (project == null ? root : project).getFileName();
        return name == null ? root.toString() : name.toString();
    }

    private static String uniqueName(String name, Map<String, ?> taken) {
        String unique = name;
        for (int n = 2; taken.containsKey(unique); n++) {
            unique = name + " (" + n + ")";
        }
        return unique;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
