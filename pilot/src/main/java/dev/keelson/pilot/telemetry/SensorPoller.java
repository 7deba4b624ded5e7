package dev.keelson.pilot.telemetry;

import dev.keelson.pilot.schedule.Ticker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sensor's check every {@code poll} on its own thread and records its stdout. A check that
 * fails (non-zero exit, timeout) is logged and records nothing; runs start on a fixed grid and
 * never overlap, as with ContainerPilot's ticker (see {@link Ticker}); while paused (maintenance)
 * nothing runs, so the value freezes, as in ContainerPilot.
 */
public final class SensorPoller implements AutoCloseable {

  /** One run of the sensor's check command; returns its stdout, throws when it failed. */
  @FunctionalInterface
  public interface SensorCheck {
    String run() throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(SensorPoller.class);

  private final Sensor sensor;
  private final SensorCheck check;
  private final Ticker ticker;
  private volatile boolean paused;

  public SensorPoller(Sensor sensor, Duration poll, SensorCheck check) {
    this.sensor = sensor;
    this.check = check;
    this.ticker = new Ticker("sensor-" + sensor.definition().metricName(), poll, this::tick);
  }

  /** Starts polling; ContainerPilot's first run is one poll after start. */
  public void start(Duration initialDelay) {
    ticker.start(initialDelay);
  }

  public void pause() {
    paused = true;
  }

  public void resume() {
    paused = false;
  }

  /** Stops polling; a run in progress is interrupted. */
  @Override
  public void close() {
    ticker.close();
  }

  void tick() {
    if (paused) {
      return;
    }
    String output;
    try {
      output = check.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      log.error("sensor {}: check failed: {}", sensor.definition().metricName(), e.getMessage());
      return;
    }
    sensor.recordOutput(output);
  }
}
