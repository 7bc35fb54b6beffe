/** Stands for {@code io.helidon.webserver.http} (see {@link dev.respawn.recorder.helidon.stub}). */
package dev.respawn.recorder.helidon.stub.webserver;
