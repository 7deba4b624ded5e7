/** The <code>pilot</code> command line entry point. */
@NullMarked
package dev.keelson.pilot.cli;

import org.jspecify.annotations.NullMarked;
