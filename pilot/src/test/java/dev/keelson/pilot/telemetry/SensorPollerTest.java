package dev.keelson.pilot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SensorPollerTest {

  private final Telemetry telemetry = new Telemetry();

  @Test
  void tick_outputsThenFailure_keepsLastGoodValue() throws Exception {
    Sensor gauge = telemetry.register(new SensorDefinition("", "", "depth", "h", SensorType.GAUGE));
    Deque<Object> outputs =
        new ArrayDeque<>(List.of("7\n", new IOException("exit status 1"), "oops"));
    SensorPoller poller =
        new SensorPoller(
            gauge,
            Duration.ofSeconds(1),
            () -> {
              Object next = outputs.pop();
              if (next instanceof Exception e) {
                throw e;
              }
              return (String) next;
            });

    poller.tick();
    poller.tick();
    poller.tick();

    assertThat(value("depth")).isEqualTo(7.0);
    assertThat(outputs).isEmpty();
  }

  @Test
  void tick_paused_runsNoCheck() throws Exception {
    Sensor gauge = telemetry.register(new SensorDefinition("", "", "depth", "h", SensorType.GAUGE));
    SensorPoller poller =
        new SensorPoller(
            gauge,
            Duration.ofSeconds(1),
            () -> {
              throw new AssertionError("no sensor may run while paused");
            });

    poller.pause();
    poller.tick();

    assertThat(value("depth")).isZero();
  }

  @Test
  void start_running_recordsRepeatedly() throws Exception {
    Sensor gauge = telemetry.register(new SensorDefinition("", "", "depth", "h", SensorType.GAUGE));
    CountDownLatch threeRuns = new CountDownLatch(3);
    try (SensorPoller poller =
        new SensorPoller(
            gauge,
            Duration.ofMillis(20),
            () -> {
              threeRuns.countDown();
              return String.valueOf(threeRuns.getCount());
            })) {
      poller.start(Duration.ZERO);

      assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(value("depth")).isLessThan(3.0);
  }

  private double value(String name) {
    GaugeSnapshot snapshot =
        (GaugeSnapshot)
            telemetry.registry().scrape(name::equals).stream().findFirst().orElseThrow();
    return snapshot.getDataPoints().get(0).getValue();
  }
}
