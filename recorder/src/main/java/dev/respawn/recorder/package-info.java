/**
 * The recorder add-on: every HTTP exchange the application serves, headers and bodies, journaled
 * as it completes and turned into HAR 1.2 when the worker stops; and its {@code har} and
 * {@code replay} commands.
 */
package dev.respawn.recorder;
