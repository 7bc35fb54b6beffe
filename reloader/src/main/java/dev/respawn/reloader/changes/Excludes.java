package dev.respawn.reloader.changes;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --exclude} globs, matched against a path relative to its watched root. A glob
 * matches at any depth ({@code static/} is also {@code a/b/static/}); one ending in {@code /}
 * names a directory and everything under it.
 */
final class Excludes {

    private final List<PathMatcher> matchers = new ArrayList<>();

    Excludes(List<String> globs) {
        for (String glob : globs) {
            String pattern = glob.endsWith("/") ? glob + "**" : glob;
            if (pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:**/" + pattern));
        }
    }

    boolean excluded(Path root, Path path) {
        if (!path.startsWith(root) || path.equals(root)) {
            return false;
        }
        Path relative = root.relativize(path);
        return matchers.stream().anyMatch(matcher -> matcher.matches(relative));
    }
}
