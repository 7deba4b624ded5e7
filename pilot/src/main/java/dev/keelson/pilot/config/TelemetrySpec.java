package dev.keelson.pilot.config;

import java.util.List;

/**
 * The {@code telemetry} block: a Prometheus endpoint on {@code port}, advertised as the service
 * {@code containerpilot}.
 */
public record TelemetrySpec(
    int port, List<String> interfaces, List<String> tags, List<SensorSpec> sensors) {

  public static final int DEFAULT_PORT = 9090;

  public TelemetrySpec {
    interfaces = List.copyOf(interfaces);
    tags = List.copyOf(tags);
    sensors = List.copyOf(sensors);
  }
}
