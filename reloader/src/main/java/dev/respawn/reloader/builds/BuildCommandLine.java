package dev.respawn.reloader.builds;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a build tool's client process from its command line, and the project directory it
 * names there when it names one. Maven 3 and 4 ({@code mvn}, and {@code mvnw} that runs it) start
 * plexus-classworlds' launcher with {@code -Dmaven.multiModuleProjectDirectory}; the older
 * {@code mvnw} starts its own main class with the same property. Gradle's clients ({@code gradle},
 * {@code gradlew}) and mvnd's client name no directory: they build their working directory, or the
 * one after {@code -p}/{@code -f}. A run that serves rather than builds ({@code mvn jetty:run},
 * {@code spring-boot:run}, {@code quarkus:dev}, {@code gradle bootRun}, a continuous Gradle build)
 * ends only when stopped, so it is not one to wait for.
 */
final class BuildCommandLine {

    /** What a command line says: the tool, and the project directory if it names one. */
    record Recognised(String tool, Optional<Path> project) {
    }

    private static final String MAVEN_PROJECT = "-Dmaven.multiModuleProjectDirectory=";
    private static final String MAVEN_MAIN = "-Dmaven.mainClass=";
    private static final Map<String, String> JAVA_MAINS = Map.of(
            "org.codehaus.plexus.classworlds.launcher.Launcher", "Maven",
            "org.apache.maven.wrapper.MavenWrapperMain", "Maven",
            "org.gradle.wrapper.GradleWrapperMain", "Gradle",
            "org.gradle.launcher.GradleMain", "Gradle",
            "org.mvndaemon.mvnd.client.DefaultClient", "mvnd");

    /** Maven goals that run an application or a watch loop until stopped. */
    private static final Pattern SERVING_GOAL =
            Pattern.compile("(?:[\\w.-]+:)*(?:exec:java|exec:exec|[\\w.-]+:(?:run|run-war|dev|start|watch))");
    /** Gradle tasks and options that do the same. */
    private static final Pattern SERVING_TASK =
            Pattern.compile("(?:.*:)?(?:run|bootRun|quarkusDev|appRun)|-t|--continuous");

    private BuildCommandLine() {
    }

    /**
     * @param executable the process's executable, as {@link ProcessHandle.Info#command()} gives it
     * @param arguments its arguments, without the executable
     */
    static Optional<Recognised> recognise(String executable, List<String> arguments) {
        String name = Path.of(executable).getFileName() == null ? executable
                : Path.of(executable).getFileName().toString();
        if (name.equals("mvnd")) {
            // mvnd's native client; the build itself runs in a daemon that outlives it.
            return arguments.stream().anyMatch(argument -> SERVING_GOAL.matcher(argument).matches()) ? Optional.empty()
                    : Optional.of(new Recognised("mvnd", option(arguments, "-f", "--file")));
        }
        for (int i = 0; i < arguments.size(); i++) {
            String tool = JAVA_MAINS.get(arguments.get(i));
            if (tool == null || isOptionValue(arguments, i)) {
                continue;
            }
            List<String> jvm = arguments.subList(0, i);
            List<String> program = arguments.subList(i + 1, arguments.size());
            Pattern serving = tool.equals("Gradle") ? SERVING_TASK : SERVING_GOAL;
            if (program.stream().anyMatch(argument -> serving.matcher(argument).matches())) {
                return Optional.empty();
            }
            return switch (tool) {
                case "Maven" -> mavenBuild(jvm)
                        ? Optional.of(new Recognised(tool, property(jvm, MAVEN_PROJECT).map(Path::of)))
                        : Optional.empty();
                case "Gradle" -> Optional.of(new Recognised(tool, option(program, "-p", "--project-dir")));
                default -> Optional.of(new Recognised(tool, option(program, "-f", "--file")));
            };
        }
        return Optional.empty();
    }

    /** Maven 4's launcher also starts mvnsh, mvnup and mvnenc, which build nothing. */
    private static boolean mavenBuild(List<String> jvm) {
        return property(jvm, MAVEN_MAIN)
                .map(main -> main.endsWith(".MavenCling") || main.endsWith(".MavenCli"))
                .orElse(true);
    }

    /** A main class's name given as the value of {@code -cp}, {@code -jar} and the like is not the main class. */
    private static boolean isOptionValue(List<String> arguments, int index) {
        if (index == 0) {
            return false;
        }
        String before = arguments.get(index - 1);
        return before.equals("-cp") || before.equals("-classpath") || before.equals("--class-path")
                || before.equals("-jar") || before.equals("-p") || before.equals("--module-path");
    }

    /** The last {@code -Dname=value} of the JVM's options, as the JVM itself would take it. */
    private static Optional<String> property(List<String> jvm, String prefix) {
        return jvm.stream().filter(argument -> argument.startsWith(prefix) && argument.length() > prefix.length())
                .reduce((first, second) -> second)
                .map(argument -> argument.substring(prefix.length()));
    }

    /** {@code -p DIR}, {@code --project-dir DIR} or {@code --project-dir=DIR}; for {@code -f}, the POM's folder. */
    private static Optional<Path> option(List<String> program, String shortName, String longName) {
        Optional<Path> found = Optional.empty();
        for (int i = 0; i < program.size(); i++) {
            String argument = program.get(i);
            if ((argument.equals(shortName) || argument.equals(longName)) && i + 1 < program.size()) {
                found = Optional.of(Path.of(program.get(i + 1)));
            } else if (argument.startsWith(longName + "=")) {
                found = Optional.of(Path.of(argument.substring(longName.length() + 1)));
            }
        }
        if (shortName.equals("-f")) {
            // mvn -f names a POM file or its folder.
            found = found.map(path -> path.getFileName() != null && path.getFileName().toString().endsWith(".xml")
                    ? (path.getParent() == null ? Path.of("") : path.getParent()) : path);
        }
        return found;
    }
}
