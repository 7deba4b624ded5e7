/** Services and hooks as single-threaded actors on the event bus. */
@NullMarked
package dev.keelson.pilot.job;

import org.jspecify.annotations.NullMarked;
