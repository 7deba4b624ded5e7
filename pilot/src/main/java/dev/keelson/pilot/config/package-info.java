/** ContainerPilot 2.0.1 config blocks as validated records. */
@NullMarked
package dev.keelson.pilot.config;

import org.jspecify.annotations.NullMarked;
