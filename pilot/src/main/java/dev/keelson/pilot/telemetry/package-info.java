/** Prometheus telemetry; the only package that imports the Prometheus client. */
@NullMarked
package dev.keelson.pilot.telemetry;

import org.jspecify.annotations.NullMarked;
