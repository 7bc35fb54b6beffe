/** The coverage add-on: not built yet; see the issue tracker. */
package dev.respawn.coverage;
