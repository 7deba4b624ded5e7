package dev.keelson.pilot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import org.junit.jupiter.api.Test;

class SensorTest {

  private final Telemetry telemetry = new Telemetry();

  @Test
  void recordOutput_counter_addsIncrements() throws Exception {
    Sensor sensor = telemetry.register(definition("requests", SensorType.COUNTER));

    sensor.recordOutput(" 1.5 \n");
    sensor.recordOutput("1.5");
    sensor.recordOutput("1.5");

    CounterSnapshot snapshot = (CounterSnapshot) snapshot("app_web_requests");
    assertThat(snapshot.getDataPoints().get(0).getValue()).isEqualTo(4.5);
  }

  @Test
  void recordOutput_negativeCounterIncrement_isRejectedAndValueKept() throws Exception {
    Sensor sensor = telemetry.register(definition("requests", SensorType.COUNTER));
    sensor.recordOutput("2");

    boolean recorded = sensor.recordOutput("-1");

    assertThat(recorded).isFalse();
    CounterSnapshot snapshot = (CounterSnapshot) snapshot("app_web_requests");
    assertThat(snapshot.getDataPoints().get(0).getValue()).isEqualTo(2.0);
  }

  @Test
  void recordOutput_nanCounterIncrement_isRejected() throws Exception {
    Sensor sensor = telemetry.register(definition("requests", SensorType.COUNTER));
    sensor.recordOutput("1");

    assertThat(sensor.recordOutput("NaN")).isFalse();

    CounterSnapshot snapshot = (CounterSnapshot) snapshot("app_web_requests");
    assertThat(snapshot.getDataPoints().get(0).getValue()).isEqualTo(1.0);
  }

  @Test
  void record_negativeCounterIncrement_throwsNamingTheRule() throws Exception {
    Sensor sensor = telemetry.register(definition("requests", SensorType.COUNTER));

    assertThatThrownBy(() -> sensor.record(-1))
        .isInstanceOf(SensorOutputException.class)
        .hasMessageStartingWith("counter increment must be >= 0, got -1.0");
  }

  @Test
  void recordOutput_gaugeThenGarbage_keepsLastValue() throws Exception {
    Sensor sensor = telemetry.register(definition("queue", SensorType.GAUGE));

    assertThat(sensor.recordOutput("42")).isTrue();
    assertThat(sensor.recordOutput("42 ms")).isFalse();

    GaugeSnapshot snapshot = (GaugeSnapshot) snapshot("app_web_queue");
    assertThat(snapshot.getDataPoints().get(0).getValue()).isEqualTo(42.0);
  }

  @Test
  void recordOutput_histogram_observesIntoDefaultBuckets() throws Exception {
    Sensor sensor = telemetry.register(definition("latency", SensorType.HISTOGRAM));

    sensor.recordOutput("0.2");
    sensor.recordOutput("3");

    HistogramSnapshot.HistogramDataPointSnapshot point =
        ((HistogramSnapshot) snapshot("app_web_latency")).getDataPoints().get(0);
    assertThat(point.getCount()).isEqualTo(2);
    assertThat(point.getSum()).isEqualTo(3.2);
    assertThat(point.getClassicBuckets().size()).isEqualTo(12); // .005 … 10 and +Inf
  }

  @Test
  void recordOutput_summary_observesWithQuantiles() throws Exception {
    Sensor sensor = telemetry.register(definition("size", SensorType.SUMMARY));

    sensor.recordOutput("10");

    SummarySnapshot.SummaryDataPointSnapshot point =
        ((SummarySnapshot) snapshot("app_web_size")).getDataPoints().get(0);
    assertThat(point.getCount()).isEqualTo(1);
    assertThat(point.getQuantiles().size()).isEqualTo(3);
  }

  @Test
  void register_sameNameTwice_isAConfigError() throws Exception {
    telemetry.register(definition("queue", SensorType.GAUGE));

    assertThatThrownBy(() -> telemetry.register(definition("queue", SensorType.COUNTER)))
        .isInstanceOf(TelemetryException.class)
        .hasMessageStartingWith("sensor app_web_queue: name collides with another metric");
  }

  @Test
  void register_invalidName_isAConfigError() {
    assertThatThrownBy(
            () ->
                telemetry.register(
                    new SensorDefinition("", "", "no spaces allowed", "h", SensorType.GAUGE)))
        .isInstanceOf(TelemetryException.class)
        .hasMessageStartingWith("sensor no spaces allowed: invalid metric name: must match");
  }

  @Test
  void unregister_thenRegisterAgain_startsFromZero() throws Exception {
    Sensor first = telemetry.register(definition("queue", SensorType.GAUGE));
    first.recordOutput("5");

    telemetry.unregister(first);
    telemetry.register(definition("queue", SensorType.GAUGE));

    GaugeSnapshot snapshot = (GaugeSnapshot) snapshot("app_web_queue");
    assertThat(snapshot.getDataPoints().get(0).getValue()).isZero();
  }

  @Test
  void metricName_emptyParts_areSkipped() {
    assertThat(new SensorDefinition("", "web", "hits", "h", SensorType.GAUGE).metricName())
        .isEqualTo("web_hits");
    assertThat(new SensorDefinition("app", "", "hits", "h", SensorType.GAUGE).metricName())
        .isEqualTo("app_hits");
  }

  @Test
  void fromConfig_unknownType_isEmpty() {
    assertThat(SensorType.fromConfig("histogram")).contains(SensorType.HISTOGRAM);
    assertThat(SensorType.fromConfig("meter")).isEmpty();
  }

  private static SensorDefinition definition(String name, SensorType type) {
    return new SensorDefinition("app", "web", name, "help for " + name, type);
  }

  private MetricSnapshot snapshot(String name) {
    return telemetry.registry().scrape(name::equals).stream().findFirst().orElseThrow();
  }
}
