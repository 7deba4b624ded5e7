package dev.keelson.pilot.telemetry;

import java.util.Locale;
import java.util.Optional;

/** How a sensor's number is recorded. */
public enum SensorType {
  /** The number is an increment (not a total); negative increments are rejected. */
  COUNTER,
  /** The number replaces the value. */
  GAUGE,
  /** The number is observed into the default buckets (.005 … 10). */
  HISTOGRAM,
  /** The number is observed into quantiles 0.5, 0.9 and 0.99. */
  SUMMARY;

  /** The config's lower-case name ({@code counter} …); empty for anything else. */
  public static Optional<SensorType> fromConfig(String name) {
    for (SensorType type : values()) {
      if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
