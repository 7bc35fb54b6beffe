/** Stands for {@code io.helidon.http} (see {@link dev.respawn.recorder.helidon.stub}). */
package dev.respawn.recorder.helidon.stub.http;
