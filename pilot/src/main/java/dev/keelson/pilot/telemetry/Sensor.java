package dev.keelson.pilot.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered sensor metric. Recording never throws and never crashes the pilot: output that is
 * not one number, or a negative counter increment, is logged and the metric stays as it was.
 * Thread-safe.
 */
public final class Sensor {

  private static final Logger log = LoggerFactory.getLogger(Sensor.class);

  private final SensorDefinition definition;
  private final Collector metric;

  Sensor(SensorDefinition definition, Collector metric) {
    this.definition = definition;
    this.metric = metric;
  }

  public SensorDefinition definition() {
    return definition;
  }

  Collector collector() {
    return metric;
  }

  /**
   * Parses a check's stdout and records it.
   *
   * @return whether the value was recorded
   */
  public boolean recordOutput(String output) {
    try {
      record(SensorOutput.parse(output));
      return true;
    } catch (SensorOutputException e) {
      log.error("sensor {}: {}; metric left unchanged", definition.metricName(), e.getMessage());
      return false;
    } catch (RuntimeException e) {
      // the client rejected the value; a sensor must never take the pilot down
      log.error(
          "sensor {}: value rejected: {}; metric left unchanged",
          definition.metricName(),
          e.toString());
      return false;
    }
  }

  /**
   * Records one reading as the sensor's type says.
   *
   * @throws SensorOutputException for a negative or NaN counter increment (nothing recorded)
   */
  public void record(double value) throws SensorOutputException {
    switch (definition.type()) {
      case COUNTER -> {
        if (!(value >= 0)) {
          throw new SensorOutputException(
              "counter increment must be >= 0, got "
                  + value
                  + " (a counter's output is an increment)");
        }
        ((Counter) metric).inc(value);
      }
      case GAUGE -> ((Gauge) metric).set(value);
      case HISTOGRAM -> ((Histogram) metric).observe(value);
      case SUMMARY -> ((Summary) metric).observe(value);
    }
  }
}
