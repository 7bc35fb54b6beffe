package dev.respawn.reloader.channel;

import java.nio.file.Path;
import java.util.Optional;

import dev.respawn.reloader.tracking.ClassOrigin;

/**
 * The lines a worker's agent sends its supervisor: tab-separated UTF-8, one fact a line.
 *
 * <pre>
 * hello  TOKEN  PID
 * classpath  PATH  PATH ...     (the JVM's java.class.path, absolute, once)
 * root   dir|jar  PATH
 * class  NAME  CLASS-FILE  ROOT  SOURCE-FILE-or-empty
 * redefined  ID  ok | error MESSAGE
 * restarted  ID  ok | error MESSAGE
 * mainfailed  BASE64-TRACE     (the application's main threw, and other threads keep the JVM up)
 * </pre>
 *
 * and the supervisor, for a hot swap, sends the agent:
 *
 * <pre>
 * redefine  ID  NAME  BASE64-CLASS-FILE     (one line a class)
 * commit  ID
 * </pre>
 *
 * and, for a restart inside the worker JVM:
 *
 * <pre>
 * restart  ID
 * </pre>
 *
 * and, to a warm worker JVM waiting before {@code main}, the word to run it:
 *
 * <pre>
 * go
 * </pre>
 */
final class ReportProtocol {

    /** The environment variable that carries the supervisor's loopback port to the agent. */
    static final String PORT_VARIABLE = "RESPAWN_SUPERVISOR_PORT";
    /** The environment variable that carries the secret the agent must say first. */
    static final String TOKEN_VARIABLE = "RESPAWN_SUPERVISOR_TOKEN";
    /**
     * The environment variable that makes a worker wait before {@code main} for {@link #GO}: the
     * supervisor's pid, so that a JVM the application starts, which inherits it, does not wait.
     */
    static final String WARM_VARIABLE = "RESPAWN_WARM_JVM";
    /** The line that lets a warm worker run its application. */
    static final String GO = "go";

    private ReportProtocol() {
    }

    static String hello(String token, long pid) {
        return "hello\t" + token + "\t" + pid;
    }

    static String classPath(java.util.List<Path> entries) {
        StringBuilder line = new StringBuilder("classpath");
        entries.forEach(entry -> line.append('\t').append(entry));
        return line.toString();
    }

    static String root(Path root, boolean directory) {
        return "root\t" + (directory ? "dir" : "jar") + "\t" + root;
    }

    static String loaded(ClassOrigin origin) {
        return "class\t" + origin.className() + "\t" + origin.location() + "\t" + origin.root() + "\t"
                + origin.sourceFile().map(Path::toString).orElse("");
    }

    static String redefine(long id, String name, byte[] classFile) {
        return "redefine\t" + id + "\t" + name + "\t" + java.util.Base64.getEncoder().encodeToString(classFile);
    }

    static String commit(long id) {
        return "commit\t" + id;
    }

    static String redefined(long id, Optional<String> error) {
        return answer("redefined", id, error);
    }

    static String restart(long id) {
        return "restart\t" + id;
    }

    static String restarted(long id, Optional<String> error) {
        return answer("restarted", id, error);
    }

    /** The longest trace sent: a line stays well under the server's bound once in Base64. */
    static final int MAX_TRACE = 16 * 1024;

    static String mainFailed(String trace) {
        String bounded = trace.length() > MAX_TRACE ? trace.substring(0, MAX_TRACE) + "\n\t..." : trace;
        return "mainfailed\t" + java.util.Base64.getEncoder().encodeToString(bounded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String answer(String kind, long id, Optional<String> error) {
        return kind + "\t" + id + "\t" + error.map(message -> "error\t" + message.replace('\n', ' ')).orElse("ok");
    }

    /** Hands one line to {@code listener}; false for a line that is not one of ours. */
    static boolean dispatch(String line, WorkerReportListener listener, WorkerLink link, long pid) {
        String[] fields = line.split("\t", -1);
        switch (fields[0]) {
            case "redefined", "restarted" -> {
                if (fields.length < 3) {
                    return false;
                }
                link.answered(Long.parseLong(fields[1]),
                        fields[2].equals("ok") ? Optional.empty() : Optional.of(fields.length > 3 ? fields[3] : "failed"));
            }
            case "mainfailed" -> {
                if (fields.length != 2) {
                    return false;
                }
                listener.mainFailed(pid, new String(WorkerLink.decode(fields[1]), java.nio.charset.StandardCharsets.UTF_8));
            }
            case "classpath" -> listener.classPath(java.util.Arrays.stream(fields).skip(1).map(Path::of).toList());
            case "root" -> {
                if (fields.length != 3) {
                    return false;
                }
                listener.root(Path.of(fields[2]), fields[1].equals("dir"));
            }
            case "class" -> {
                if (fields.length != 5) {
                    return false;
                }
                Optional<Path> source = fields[4].isEmpty() ? Optional.empty() : Optional.of(Path.of(fields[4]));
                listener.loaded(new ClassOrigin(fields[1], Path.of(fields[2]), Path.of(fields[3]), source));
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
