/**
 * The pilot's SLF4J backend: ContainerPilot's log formats ({@code default}, {@code text}, {@code
 * json}) on stdout or stderr, reconfigurable at run time (the {@code logging} block changes on
 * SIGHUP).
 */
@NullMarked
package dev.keelson.pilot.log;

import org.jspecify.annotations.NullMarked;
