package dev.respawn.reloader.supervisor.faststart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JVM options the user chose, wherever the JVM will read them from (the command line, its
 * {@code @argfile}s, {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS}),
 * so that respawn never adds an option that contradicts one of them: the user's always win.
 */
final class UserFlags {

    static final List<String> ENVIRONMENT = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private static final List<String> COMPILER = List.of("-XX:TieredStopAtLevel", "-XX:+TieredCompilation",
            "-XX:-TieredCompilation", "-XX:CompilationMode", "-Xint", "-Xcomp", "-XX:+UseJVMCICompiler");
    private static final List<String> SHARING = List.of("-Xshare", "-XX:SharedArchiveFile", "-XX:SharedClassListFile",
            "-XX:DumpLoadedClassList", "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive",
            "-XX:-AutoCreateSharedArchive", "-XX:+UseSharedSpaces", "-XX:-UseSharedSpaces", "-XX:AOT",
            "-XX:+RecordDynamicDumpInfo");
    // Options that decide whether an archive fits the JVM that maps it: heap layout, object header, GC.
    private static final Pattern ARCHIVE_RELEVANT = Pattern.compile("-Xmx.*|-XX:MaxHeapSize=.*|-XX:[+-]Use\\w*GC"
            + "|-XX:[+-]UseCompressed(Oops|ClassPointers)|-XX:ObjectAlignmentInBytes=.*|-XX:[+-]UseCompactObjectHeaders"
            + "|-XX:\\+Unlock(Experimental|Diagnostic)VMOptions|--enable-preview");

    private final List<String> commandLine;
    private final List<String> all;

    private UserFlags(List<String> commandLine, List<String> all) {
        this.commandLine = commandLine;
        this.all = all;
    }

    /**
     * Reads the options of {@code line}, the argument files it names (relative to
     * {@code directory}) and the launcher's and JVM's environment variables.
     */
    static UserFlags of(JavaCommandLine line, Map<String, String> environment, Path directory) {
        List<String> all = new ArrayList<>(line.options());
        for (String file : line.argumentFiles()) {
            try {
                all.addAll(words(Files.readString(directory.resolve(file))));
            } catch (IOException | RuntimeException e) {
                // The launcher will say what is wrong with it; nothing to see here.
            }
        }
        for (String variable : ENVIRONMENT) {
            String value = environment.get(variable);
            if (value != null) {
                all.addAll(words(value));
            }
        }
        return new UserFlags(List.copyOf(line.options()), List.copyOf(all));
    }

    /** The user's option that already chooses the JIT compilers, if any. */
    Optional<String> compiler() {
        return first(COMPILER);
    }

    /** The user's option that already chooses class-data sharing, if any. */
    Optional<String> sharing() {
        return first(SHARING);
    }

    /**
     * The command line's options an archive must be dumped with to fit the worker: heap size, GC,
     * and the added modules (which a JDK after 17 compares, keeping its archived module graph only
     * when they match), each as one token.
     */
    List<String> archiveRelevant() {
        List<String> relevant = new ArrayList<>();
        for (int i = 0; i < commandLine.size(); i++) {
            String option = commandLine.get(i);
            if (option.equals("--add-modules") && i + 1 < commandLine.size()) {
                relevant.add("--add-modules=" + commandLine.get(++i));
            } else if (option.startsWith("--add-modules=") || ARCHIVE_RELEVANT.matcher(option).matches()) {
                relevant.add(option);
            }
        }
        return relevant;
    }

    private Optional<String> first(List<String> prefixes) {
        return all.stream().filter(option -> prefixes.stream().anyMatch(option::startsWith)).findFirst();
    }

    // Flag names never hold spaces, so quoting does not matter for finding them.
    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+")).stream().filter(word -> !word.isEmpty()).toList();
    }
}
