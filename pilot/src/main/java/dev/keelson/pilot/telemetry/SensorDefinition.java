package dev.keelson.pilot.telemetry;

/**
 * A sensor's metric, as the config declares it.
 *
 * @param namespace optional first part of the metric name ({@code ""} for none)
 * @param subsystem optional middle part ({@code ""} for none)
 * @param name required last part
 * @param help the HELP text
 * @param type how readings are recorded
 */
public record SensorDefinition(
    String namespace, String subsystem, String name, String help, SensorType type) {

  public SensorDefinition {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a sensor needs a name");
    }
  }

  /** {@code namespace_subsystem_name}, empty parts left out (as Prometheus' BuildFQName). */
  public String metricName() {
    StringBuilder full = new StringBuilder();
    for (String part : new String[] {namespace, subsystem, name}) {
      if (part.isEmpty()) {
        continue;
      }
      if (full.length() > 0) {
        full.append('_');
      }
      full.append(part);
    }
    return full.toString();
  }
}
