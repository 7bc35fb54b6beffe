package dev.respawn.front;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;

/**
 * The compiler's errors while the last saved sources do not compile ({@code mvn respawn:run}
 * keeps them in {@code <debug-directory>/compile/errors.txt}): looked at no more often than every
 * {@link #FRESH}, so that a request pays for one file check at most that often.
 */
final class StandingCompileErrors {

    static final Duration FRESH = Duration.ofMillis(100);

    private final Path file;
    private volatile long checkedAt = System.nanoTime() - FRESH.toNanos() - 1;
    private FileTime seen;
    private volatile Optional<String> text = Optional.empty();

    StandingCompileErrors(Path file) {
        this.file = file;
    }

    Optional<String> current() {
        long now = System.nanoTime();
        // Between checks, no lock: every forwarded request passes here.
        if (now - checkedAt > FRESH.toNanos()) {
            synchronized (this) {
                if (now - checkedAt > FRESH.toNanos()) {
                    refresh();
                    checkedAt = now;
                }
            }
        }
        return text;
    }

    private void refresh() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(seen)) {
                seen = modified;
                String errors = Files.readString(file, StandardCharsets.UTF_8).strip();
                text = errors.isEmpty() ? Optional.empty() : Optional.of(errors);
            }
        } catch (IOException e) {
            // No file: the sources compile (or no host compiles them).
            seen = null;
            text = Optional.empty();
        }
    }
}
