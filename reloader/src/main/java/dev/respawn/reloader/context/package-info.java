/** What the add-ons share about the request a thread serves, without knowing each other. */
package dev.respawn.reloader.context;
