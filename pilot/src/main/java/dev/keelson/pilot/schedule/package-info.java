/** Periodic runs with Go's ticker semantics, shared by health checks, backend polls and sensors. */
@NullMarked
package dev.keelson.pilot.schedule;

import org.jspecify.annotations.NullMarked;
