package dev.respawn.reloader.changes;

/** What a changed path means to the supervisor. */
enum ChangeKind {
    /** Under a class folder: restart. */
    CLASS,
    /** A jar classes were loaded from: restart. */
    JAR,
    /** Under a {@code --watch} path: restart. */
    WATCHED,
    /** A source file: nothing runs it until it is compiled. */
    SOURCE,
    /** Excluded, or nothing of ours. */
    IGNORED
}
