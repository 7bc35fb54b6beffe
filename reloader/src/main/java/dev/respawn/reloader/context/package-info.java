/**
 * What the add-ons share without knowing each other: the request a thread serves, and when a
 * life of the application ends inside the worker JVM.
 */
package dev.respawn.reloader.context;
