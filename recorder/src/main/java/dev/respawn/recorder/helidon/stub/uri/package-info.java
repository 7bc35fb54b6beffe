/** Stands for {@code io.helidon.common.uri} (see {@link dev.respawn.recorder.helidon.stub}). */
package dev.respawn.recorder.helidon.stub.uri;
