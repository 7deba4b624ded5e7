/**
 * POSIX calls (kill, waitpid, process groups) and signal handlers; the only package that imports
 * jnr.
 */
@NullMarked
package dev.keelson.pilot.posix;

import org.jspecify.annotations.NullMarked;
