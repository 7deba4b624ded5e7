/** Wires the pilot together and runs the PID 1 loop. */
@NullMarked
package dev.keelson.pilot.supervisor;

import org.jspecify.annotations.NullMarked;
