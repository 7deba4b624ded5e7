/**
 * Prometheus telemetry (the only package that imports the Prometheus client). The supervisor makes
 * one {@link dev.keelson.pilot.telemetry.Telemetry}, registers a {@link
 * dev.keelson.pilot.telemetry.Sensor} per configured sensor, runs each with a {@link
 * dev.keelson.pilot.telemetry.SensorPoller} whose check runs the command through the process layer,
 * serves {@code /metrics} on the address {@code telemetry.interfaces} resolves to, and advertises
 * it with {@link dev.keelson.pilot.telemetry.TelemetryService#registration} like any other service.
 */
@NullMarked
package dev.keelson.pilot.telemetry;

import org.jspecify.annotations.NullMarked;
