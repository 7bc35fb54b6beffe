package dev.respawn.reloader.supervisor.faststart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code java} command line read the way the launcher reads it: the options before the main
 * class (or {@code -jar}, {@code -m}, a source file), and where among them the class path is.
 * Nothing after the main class is looked at: those are the application's arguments.
 */
final class JavaCommandLine {

    // Launcher options whose value is the next token (JDK 17-25); "--name=value" is one token.
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--enable-native-access", "--limit-modules", "--add-reads",
            "--add-exports", "--add-opens", "--patch-module", "--source");
    private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");
    private static final Set<String> MODULAR = Set.of("-p", "--module-path", "--upgrade-module-path", "--patch-module",
            "-m", "--module");

    private final List<String> tokens;
    private final int end;
    private final int classPathValue;
    private final String launch;

    private JavaCommandLine(List<String> tokens, int end, int classPathValue, String launch) {
        this.tokens = tokens;
        this.end = end;
        this.classPathValue = classPathValue;
        this.launch = launch;
    }

    /** Whether {@code executable} is the java launcher, by its file name. */
    static boolean isJava(String executable) {
        Path name = Path.of(executable).getFileName();
        String file = name == null ? executable : name.toString();
        return file.equals("java") || file.equals("java.exe") || file.equals("javaw.exe");
    }

    static JavaCommandLine parse(List<String> command) {
        if (command.isEmpty() || !isJava(command.get(0))) {
            throw new IllegalArgumentException("'command' must start with the java launcher: " + command);
        }
        List<String> tokens = List.copyOf(command);
        int classPathValue = -1;
        String launch = null;
        int i = 1;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            String name = token.contains("=") && token.startsWith("--") ? token.substring(0, token.indexOf('=')) : token;
            if (token.equals("-jar")) {
                launch = "the command runs -jar";
                break;
            }
            if (MODULAR.contains(name)) {
                launch = "the command uses the module path";
            }
            if (name.equals("-m") || name.equals("--module")) {
                break;
            }
            if (token.startsWith("@")) {
                launch = "the command reads options from " + token;
            } else if (name.equals("--source")) {
                launch = "the command runs a source file";
            }
            if (CLASS_PATH.contains(name)) {
                classPathValue = token.equals(name) ? i + 1 : i;
            }
            if (!token.startsWith("-") && !token.startsWith("@")) {
                if (token.endsWith(".java")) {
                    launch = "the command runs a source file";
                }
                break;
            }
            i += WITH_VALUE.contains(token) ? 2 : 1;
        }
        int end = Math.min(i, tokens.size());
        if (classPathValue >= end) {
            classPathValue = -1;
        }
        if (launch == null && classPathValue < 0) {
            launch = "the command has no -cp";
        }
        return new JavaCommandLine(tokens, end, classPathValue, launch);
    }

    String executable() {
        return tokens.get(0);
    }

    /** The launcher's options: every token between the executable and the main class. */
    List<String> options() {
        return tokens.subList(1, end);
    }

    /** The class path as given (the last {@code -cp} wins, as in the launcher). */
    Optional<String> classPath() {
        if (classPathValue < 0) {
            return Optional.empty();
        }
        String token = tokens.get(classPathValue);
        return Optional.of(token.startsWith("--class-path=") ? token.substring("--class-path=".length()) : token);
    }

    /** Why the jars cannot simply be moved ahead on this command's class path, if they cannot. */
    Optional<String> classPathUnsupported() {
        return Optional.ofNullable(launch);
    }

    /** The {@code @argfile}s among the options, whose contents the launcher reads as more options. */
    List<String> argumentFiles() {
        return options().stream().filter(token -> token.startsWith("@") && token.length() > 1)
                .map(token -> token.substring(1)).toList();
    }

    /** The same command with {@code added} right after the executable and the class path replaced, when given. */
    List<String> rewritten(List<String> added, Optional<String> classPath) {
        List<String> line = new ArrayList<>(tokens.size() + added.size());
        line.add(tokens.get(0));
        line.addAll(added);
        for (int i = 1; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (i == classPathValue && classPath.isPresent()) {
                token = token.startsWith("--class-path=") ? "--class-path=" + classPath.get() : classPath.get();
            }
            line.add(token);
        }
        return line;
    }
}
