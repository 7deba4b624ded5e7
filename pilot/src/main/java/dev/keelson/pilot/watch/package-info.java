/** Backend watches that poll discovery and publish changes. */
@NullMarked
package dev.keelson.pilot.watch;

import org.jspecify.annotations.NullMarked;
