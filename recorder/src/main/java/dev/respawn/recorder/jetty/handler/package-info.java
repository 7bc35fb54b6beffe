/**
 * Jetty 12's recording request and stream, compiled against Jetty but never loaded
 * under these names: {@code JettyEntry} defines renamed copies in the loader of the application's Jetty.
 */
package dev.respawn.recorder.jetty.handler;
