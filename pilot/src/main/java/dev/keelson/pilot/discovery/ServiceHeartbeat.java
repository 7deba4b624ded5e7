package dev.keelson.pilot.discovery;

import dev.keelson.pilot.schedule.Ticker;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service's health check every {@code poll} on its own thread and reports each result to
 * the service's {@link ServiceRegistrar}: a pass is the heartbeat, a failure sets the check
 * critical with the check's output. Checks start every {@code poll} on a fixed grid, as
 * ContainerPilot's ticker does, and never overlap (see {@link Ticker}: a check that overruns is
 * followed by the next one at once, the other missed ticks are dropped); while the registrar is
 * paused (maintenance) no check runs. A service with no health command (the telemetry service)
 * always passes.
 */
public final class ServiceHeartbeat implements AutoCloseable {

  /** One health check run; the process layer implements it (with its timeout). */
  @FunctionalInterface
  public interface HealthCheck {
    HealthResult run() throws InterruptedException;
  }

  /** The outcome of one check: passed or not, and its output (the note in Consul). */
  public record HealthResult(boolean healthy, String output) {
    public static HealthResult passed() {
      return new HealthResult(true, "ok");
    }

    public static HealthResult failed(String output) {
      return new HealthResult(false, output);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(ServiceHeartbeat.class);

  private final ServiceRegistrar registrar;
  private final @Nullable HealthCheck check;
  private final Ticker ticker;

  /**
   * @param check the service's health command, or {@code null} for none (always healthy)
   */
  public ServiceHeartbeat(ServiceRegistrar registrar, Duration poll, @Nullable HealthCheck check) {
    this.registrar = registrar;
    this.check = check;
    this.ticker = new Ticker("health-" + registrar.registration().id(), poll, this::tick);
  }

  /**
   * Starts checking; the first check runs after {@code initialDelay} (ContainerPilot waits one
   * poll; zero makes a healthy service visible right after start).
   */
  public void start(Duration initialDelay) {
    ticker.start(initialDelay);
  }

  /** Stops checking; a check in progress is interrupted. Does not deregister. */
  @Override
  public void close() {
    ticker.close();
  }

  void tick() {
    if (registrar.isPaused()) {
      return;
    }
    HealthResult result;
    try {
      result = check == null ? HealthResult.passed() : check.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      result = HealthResult.failed("health check could not run: " + e.getMessage());
    }
    try {
      if (result.healthy()) {
        registrar.healthy(result.output());
      } else {
        log.debug("service {} unhealthy: {}", registrar.registration().id(), result.output());
        registrar.unhealthy(result.output());
      }
    } catch (RuntimeException e) {
      // said here with the service's id; the ticker would only log it generically
      log.error("service {}: heartbeat failed: {}", registrar.registration().id(), e.toString());
    }
  }
}
