package dev.keelson.pilot.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;

/**
 * The pilot's metrics: one registry holding the process metrics and the sensors, and the HTTP
 * exporter that serves it. Sensors can be added and removed at any time (reload).
 */
public final class Telemetry {

  // the classic Prometheus name syntax, which ContainerPilot's Go client enforced
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private final PrometheusRegistry registry = new PrometheusRegistry();

  /** A registry with the process and JVM metrics already registered. */
  public Telemetry() {
    ProcessMetrics.register(registry);
  }

  /**
   * Registers a sensor's metric.
   *
   * @throws TelemetryException when the name is invalid or already taken (a config error)
   */
  public Sensor register(SensorDefinition definition) throws TelemetryException {
    String name = definition.metricName();
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new TelemetryException(
          "sensor "
              + name
              + ": invalid metric name: must match [a-zA-Z_:][a-zA-Z0-9_:]*"
              + " (namespace, subsystem and name joined by _)",
          null);
    }
    Collector metric;
    try {
      metric =
          switch (definition.type()) {
            case COUNTER -> Counter.builder().name(name).help(definition.help()).build();
            case GAUGE -> Gauge.builder().name(name).help(definition.help()).build();
            case HISTOGRAM ->
                Histogram.builder().name(name).help(definition.help()).classicOnly().build();
            case SUMMARY ->
                Summary.builder()
                    .name(name)
                    .help(definition.help())
                    .quantile(0.5, 0.05)
                    .quantile(0.9, 0.01)
                    .quantile(0.99, 0.001)
                    .build();
          };
    } catch (IllegalArgumentException e) {
      throw new TelemetryException("sensor " + name + ": invalid metric: " + e.getMessage(), e);
    }
    try {
      registry.register(metric);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new TelemetryException(
          "sensor " + name + ": name collides with another metric: " + e.getMessage(), e);
    }
    return new Sensor(definition, metric);
  }

  /** Removes a sensor's metric (reload); its values are gone. */
  public void unregister(Sensor sensor) {
    registry.unregister(sensor.collector());
  }

  /**
   * Serves {@code /metrics} on {@code address:port} ({@code port} 0 picks a free one) until the
   * returned server is closed.
   *
   * @throws IOException when the address cannot be bound (the pilot treats this as fatal, as
   *     ContainerPilot does)
   */
  public TelemetryServer serve(InetAddress address, int port) throws IOException {
    HTTPServer server =
        HTTPServer.builder().inetAddress(address).port(port).registry(registry).buildAndStart();
    return new TelemetryServer(server, new InetSocketAddress(address, server.getPort()));
  }

  PrometheusRegistry registry() {
    return registry;
  }
}
