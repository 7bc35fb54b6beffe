/** Stands for {@code io.helidon.common.socket} (see {@link dev.respawn.recorder.helidon.stub}). */
package dev.respawn.recorder.helidon.stub.socket;
