/**
 * The coverage add-on: JaCoCo coverage of the application kept across restarts. The files under
 * the coverage directory ({@link dev.respawn.coverage.CoverageFiles}) are shared by the agent,
 * which appends one session per worker life, and the report, which reads them.
 */
package dev.respawn.coverage;
