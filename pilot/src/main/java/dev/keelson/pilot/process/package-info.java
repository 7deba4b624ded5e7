/** Child processes: spawning in own process groups, signalling, race-free reaping. */
@NullMarked
package dev.keelson.pilot.process;

import org.jspecify.annotations.NullMarked;
