package dev.keelson.pilot.config;

import dev.keelson.config.command.Command;
import java.time.Duration;
import java.util.Optional;

/**
 * One telemetry sensor: {@code check} runs every {@code poll} seconds and its stdout (one number)
 * feeds the metric {@code namespace_subsystem_name}.
 */
public record SensorSpec(
    String name,
    String namespace,
    String subsystem,
    String help,
    SensorType type,
    int poll,
    Command check,
    Optional<Duration> timeout) {

  /** The Prometheus metric kinds a sensor may feed. */
  public enum SensorType {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    SUMMARY
  }
}
