package dev.respawn.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.respawn.cli.EmbeddedSupervisor;
import dev.respawn.reloader.compile.SourceCompiler;
import dev.respawn.reloader.compile.SourceSync;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.shared.filtering.MavenResourcesFiltering;

/**
 * {@code mvn respawn:run}: runs the project's main class as a worker JVM under respawn's supervisor,
 * compiles each saved source into the output directory, and restarts (or hot-swaps) the worker.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public final class RunMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** maven-resources-plugin's filtering, to copy a saved resource as process-resources would. */
    @Component
    private MavenResourcesFiltering resourceFiltering;

    /** The worker's main class; by default exec.mainClass, start-class, or the one class with a main method. */
    @Parameter(property = "respawn.mainClass")
    private String mainClass;

    /** The application's arguments, separated by spaces. */
    @Parameter(property = "respawn.arguments")
    private String arguments;

    /** The worker JVM's options, separated by spaces (e.g. -Xmx256m -Dapp.mode=dev). */
    @Parameter(property = "respawn.jvmArguments")
    private String jvmArguments;

    /** Restart (or hot-swap) the worker when its classes, jars or resources change. */
    @Parameter(property = "respawn.reloadOnChanges", defaultValue = "true")
    private boolean reloadOnChanges;

    /** restart, hotswap or auto (see respawn --help). */
    @Parameter(property = "respawn.reloadMode")
    private String reloadMode;

    /** Compile a saved .java into the output directory, and copy a saved resource. */
    @Parameter(property = "respawn.compileOnSave", defaultValue = "true")
    private boolean compileOnSave;

    @Parameter(property = "respawn.poll", defaultValue = "false")
    private boolean poll;

    @Parameter(property = "respawn.debugMode", defaultValue = "false")
    private boolean debugMode;

    /** Where the debug-mode add-ons write, unless a directory of their own is given. */
    @Parameter(property = "respawn.debugDirectory", defaultValue = "${project.build.directory}/respawn")
    private File debugDirectory;

    @Parameter(property = "respawn.enableCoverage", defaultValue = "false")
    private boolean enableCoverage;

    @Parameter(property = "respawn.coverageDirectory")
    private File coverageDirectory;

    @Parameter(property = "respawn.enableRecorder", defaultValue = "false")
    private boolean enableRecorder;

    @Parameter(property = "respawn.recorderDirectory")
    private File recorderDirectory;

    @Parameter(property = "respawn.enableProfiler", defaultValue = "false")
    private boolean enableProfiler;

    @Parameter(property = "respawn.profilerDirectory")
    private File profilerDirectory;

    @Parameter(property = "respawn.captureExceptions", defaultValue = "false")
    private boolean captureExceptions;

    @Parameter(property = "respawn.exceptionsDirectory")
    private File exceptionsDirectory;

    @Parameter(property = "respawn.captureLocals", defaultValue = "false")
    private boolean captureLocals;

    @Parameter(property = "respawn.enableDebugger", defaultValue = "false")
    private boolean enableDebugger;

    @Parameter(property = "respawn.debuggerPort")
    private Integer debuggerPort;

    /** Listen on 127.0.0.1:N and forward to the application ({@code N} or {@code N:APP_PORT}, as --front-port). */
    @Parameter(property = "respawn.frontPort")
    private String frontPort;

    /** Any other supervisor options, as on respawn's command line (e.g. --profile-requests --exclude 'web/**'). */
    @Parameter(property = "respawn.options")
    private String options;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path output = Path.of(project.getBuild().getOutputDirectory());
        List<String> classpath = classpath();
        String main = MainClassResolver.resolve(mainClass, project.getProperties(), output);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Words.split(jvmArguments));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(main);
        command.addAll(Words.split(arguments));
        getLog().info("respawn: running " + main + " from " + project.getBasedir().toPath().relativize(output));

        SourceSync sync = compileOnSave() ? sourceSync(output, classpath) : null;
        int exit;
        try {
            exit = EmbeddedSupervisor.run(SupervisorArguments.of(this), command);
        } finally {
            if (sync != null) {
                sync.close();
            }
        }
        if (exit != 0) {
            throw new MojoFailureException("respawn: the application ended with exit code " + exit);
        }
    }

    private List<String> classpath() throws MojoExecutionException {
        try {
            return project.getRuntimeClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("respawn: the runtime classpath is not resolved: " + e.getMessage(), e);
        }
    }

    private SourceSync sourceSync(Path output, List<String> classpath) {
        Path build = Path.of(project.getBuild().getDirectory());
        List<Path> sourceRoots = project.getCompileSourceRoots().stream()
                .map(Path::of)
                .filter(root -> !root.startsWith(build)) // Generated sources are the build's to write.
                .toList();
        SourceCompiler compiler = new SourceCompiler(debugDirectory.toPath().resolve("compile"), System.err);
        if (!compiler.available()) {
            getLog().warn("respawn: Maven runs on a JRE without javac, so saved sources are not compiled;"
                    + " run Maven on a JDK");
            return null;
        }
        List<String> javacOptions = JavacOptions.of(project, classpath);
        SourceSync sync = new SourceSync(compiler, poll, System.err);
        sourceRoots.forEach(root -> sync.sources(root, output, () -> javacOptions));
        for (Resource resource : project.getResources()) {
            Path target = resource.getTargetPath() == null ? output : output.resolve(resource.getTargetPath());
            sync.resources(Path.of(resource.getDirectory()), target);
        }
        // Copied as process-resources copies them: includes, excludes, filtering.
        MavenResources resources = new MavenResources(resourceFiltering, project, session, output);
        sync.resourceCopy(resources::copy);
        // The first compile in a JVM loads javac; do it now rather than on the first save.
        sync.warmUp();
        return sync;
    }

    boolean reloadOnChanges() {
        return reloadOnChanges;
    }

    File baseDirectory() {
        return project.getBasedir();
    }

    boolean compileOnSave() {
        return compileOnSave && reloadOnChanges;
    }

    String reloadMode() {
        return reloadMode;
    }

    boolean poll() {
        return poll;
    }

    boolean debugMode() {
        return debugMode;
    }

    File debugDirectory() {
        return debugDirectory;
    }

    Map<String, Object> addOns() {
        Map<String, Object> addOns = new LinkedHashMap<>();
        addOns.put("--enable-coverage", enableCoverage);
        addOns.put("--coverage-directory", coverageDirectory);
        addOns.put("--enable-recorder", enableRecorder);
        addOns.put("--recorder-directory", recorderDirectory);
        addOns.put("--enable-profiler", enableProfiler);
        addOns.put("--profiler-directory", profilerDirectory);
        addOns.put("--capture-exceptions", captureExceptions);
        addOns.put("--exceptions-directory", exceptionsDirectory);
        addOns.put("--capture-locals", captureLocals);
        addOns.put("--enable-debugger", enableDebugger);
        addOns.put("--debugger-port", debuggerPort);
        addOns.put("--front-port", frontPort);
        return addOns;
    }

    String options() {
        return options;
    }
}
