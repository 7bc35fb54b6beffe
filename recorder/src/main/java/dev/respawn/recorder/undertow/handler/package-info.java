/**
 * Undertow's recording conduits, compiled against Undertow and XNIO but never loaded under these
 * names: {@code UndertowEntry} defines renamed copies in the loader of the application's Undertow.
 */
package dev.respawn.recorder.undertow.handler;
