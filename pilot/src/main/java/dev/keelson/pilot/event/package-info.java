/** The internal event bus between jobs, watches and the supervisor. */
@NullMarked
package dev.keelson.pilot.event;

import org.jspecify.annotations.NullMarked;
