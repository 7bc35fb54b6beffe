/**
 * The Helidon seam's per-request code, compiled against the stand-ins of
 * {@code dev.respawn.recorder.helidon.stub} but never loaded under these names: {@code HelidonEntry}
 * defines renamed copies, naming Helidon's own types, in the loader of the application's Helidon, so
 * each call on a request is a direct one the JIT inlines (not reflection).
 */
package dev.respawn.recorder.helidon.handler;
