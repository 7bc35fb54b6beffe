/**
 * Stand-ins for the few Helidon 4 types the recorder's Helidon seam calls: Helidon's class files are
 * Java 21's, which the recorder (built for Java 17) cannot compile against. They declare exactly the
 * names and descriptors of Helidon's own (classes stay classes, interfaces interfaces), so that when
 * {@code HelidonEntry} defines the seam in Helidon's class loader, renamed to Helidon's packages, every
 * call links to Helidon's real type and is a plain, inlinable call. Never loaded in a worker.
 */
package dev.respawn.recorder.helidon.stub;
