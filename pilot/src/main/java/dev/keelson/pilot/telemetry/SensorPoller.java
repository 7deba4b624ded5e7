package dev.keelson.pilot.telemetry;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sensor's check every {@code poll} on its own thread and records its stdout. A check that
 * fails (non-zero exit, timeout) is logged and records nothing; runs never overlap; while paused
 * (maintenance) nothing runs, so the value freezes, as in ContainerPilot.
 */
public final class SensorPoller implements AutoCloseable {

  /** One run of the sensor's check command; returns its stdout, throws when it failed. */
  @FunctionalInterface
  public interface SensorCheck {
    String run() throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(SensorPoller.class);

  private final Sensor sensor;
  private final Duration poll;
  private final SensorCheck check;
  private final ScheduledExecutorService thread;
  private volatile boolean paused;

  public SensorPoller(Sensor sensor, Duration poll, SensorCheck check) {
    if (poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("poll must be positive, got " + poll);
    }
    this.sensor = sensor;
    this.poll = poll;
    this.check = check;
    String name = "sensor-" + sensor.definition().metricName();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread sensorThread = new Thread(runnable, name);
              sensorThread.setDaemon(true);
              return sensorThread;
            });
  }

  /** Starts polling; ContainerPilot's first run is one poll after start. */
  public void start(Duration initialDelay) {
    var unused =
        thread.scheduleWithFixedDelay(
            this::tick, initialDelay.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
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
    thread.shutdownNow();
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
