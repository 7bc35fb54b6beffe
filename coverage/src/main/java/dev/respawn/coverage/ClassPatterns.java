package dev.respawn.coverage;

import java.util.Optional;

import org.jacoco.core.runtime.WildcardMatcher;

/**
 * {@code --coverage-includes} and {@code --coverage-excludes}: JaCoCo's wildcard patterns
 * ({@code *}, {@code ?}, {@code :} between patterns) over class names with dots.
 *
 * @param includes the include patterns, empty for "the default selection"
 * @param excludes the exclude patterns, empty for none
 */
public record ClassPatterns(Optional<String> includes, Optional<String> excludes) {

    public ClassPatterns {
        includes = includes.filter(p -> !p.isBlank());
        excludes = excludes.filter(p -> !p.isBlank());
    }

    /** A matcher for the patterns: {@link #test} takes a class name with dots or slashes. */
    public Matcher matcher() {
        return new Matcher(includes.map(WildcardMatcher::new).orElse(null),
                excludes.map(WildcardMatcher::new).orElse(null));
    }

    /** Compiled patterns. */
    public static final class Matcher {

        private final WildcardMatcher includes;
        private final WildcardMatcher excludes;

        private Matcher(WildcardMatcher includes, WildcardMatcher excludes) {
            this.includes = includes;
            this.excludes = excludes;
        }

        /** Whether includes were given (otherwise what is selected by default applies). */
        public boolean hasIncludes() {
            return includes != null;
        }

        /** Not excluded, and included when includes were given. */
        public boolean test(String className) {
            String name = className.replace('/', '.');
            return (includes == null || includes.matches(name)) && (excludes == null || !excludes.matches(name));
        }
    }
}
