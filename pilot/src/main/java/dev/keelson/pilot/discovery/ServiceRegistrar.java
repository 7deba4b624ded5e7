package dev.keelson.pilot.discovery;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one service registered and its TTL check current, driven by the outcome of each health
 * check. Owns the decisions ContainerPilot 2.0.1 got wrong:
 *
 * <ul>
 *   <li>the first healthy check registers the service with its check already passing, so the
 *       service is passing right away (D7), and always re-registers, so a stale address from an
 *       earlier run is replaced (#264);
 *   <li>a TTL update the agent rejects as unknown (agent restarted, service removed behind our
 *       back) registers again at once with the status being reported;
 *   <li>a failing check sets the check critical with the command's output as its note, instead of
 *       waiting for the TTL to lapse;
 *   <li>leaving maintenance registers again immediately with the last known status.
 * </ul>
 *
 * <p>While the agent is unreachable, attempts are spaced by {@link Backoff}: calls in between
 * return {@link Outcome#DEFERRED} without touching the network, and one warning is logged per
 * outage. Methods are synchronized: one service's calls never interleave, and each is bounded by
 * the backend's call timeout.
 */
public final class ServiceRegistrar {

  /** What a call did. */
  public enum Outcome {
    /** The service was registered (first time, again after a loss, or after maintenance). */
    REGISTERED,
    /** The TTL check was updated. */
    UPDATED,
    /** Nothing sent: in maintenance, deregistered for good, or nothing to do. */
    SKIPPED,
    /** Nothing sent: waiting out the back-off after the agent was unreachable. */
    DEFERRED,
    /** The call failed; the reason was logged. */
    FAILED
  }

  private static final Logger log = LoggerFactory.getLogger(ServiceRegistrar.class);

  private final DiscoveryBackend backend;
  private final ServiceRegistration registration;
  private final Backoff backoff;
  private final LongSupplier nanoClock;

  private boolean registered;
  private boolean paused;
  // set by deregister(): this registrar never registers again
  private boolean retired;
  private @Nullable CheckStatus lastStatus;
  private String lastNote = "";
  private int consecutiveFailures;
  private long nextAttemptNanos;

  public ServiceRegistrar(
      DiscoveryBackend backend,
      ServiceRegistration registration,
      Backoff backoff,
      LongSupplier nanoClock) {
    this.backend = backend;
    this.registration = registration;
    this.backoff = backoff;
    this.nanoClock = nanoClock;
  }

  /** A registrar with back-off bounded by {@code pollInterval} and the system clock. */
  public static ServiceRegistrar forPoll(
      DiscoveryBackend backend, ServiceRegistration registration, Duration pollInterval) {
    return new ServiceRegistrar(
        backend, registration, Backoff.forPoll(pollInterval), System::nanoTime);
  }

  public ServiceRegistration registration() {
    return registration;
  }

  /** Reports a passing health check (the heartbeat). */
  public synchronized Outcome healthy(String note) {
    return report(CheckStatus.PASSING, note);
  }

  /** Reports a failing health check; {@code output} becomes the check's note. */
  public synchronized Outcome unhealthy(String output) {
    return report(CheckStatus.CRITICAL, output);
  }

  /**
   * Removes the service from the agent for good (shutdown, app exit, or a reload that drops or
   * changes it). Ignores the back-off: a shutdown gets one real attempt. Later health reports and
   * {@link #resume()} are ignored, so a heartbeat still in flight cannot register the service again
   * after the pilot deregistered it.
   */
  public synchronized Outcome deregister() {
    retired = true;
    return removeFromAgent();
  }

  private Outcome removeFromAgent() {
    registered = false;
    try {
      backend.deregister(registration.id());
      log.info("Deregistered service {}", registration.id());
      return Outcome.UPDATED;
    } catch (DiscoveryException e) {
      log.warn("Could not deregister service {}: {}", registration.id(), e.getMessage());
      return Outcome.FAILED;
    }
  }

  /** Enters maintenance: deregisters and ignores health reports until {@link #resume()}. */
  public synchronized Outcome pause() {
    paused = true;
    log.info("Marking for maintenance: {}", registration.name());
    return removeFromAgent();
  }

  /**
   * Leaves maintenance: registers again at once with the last reported status (nothing if no health
   * check has reported yet) and resumes reporting.
   */
  public synchronized Outcome resume() {
    paused = false;
    if (lastStatus == null || retired) {
      return Outcome.SKIPPED;
    }
    return report(lastStatus, lastNote);
  }

  /**
   * Begins in maintenance without a call: the pilot entered it before this registrar existed (a
   * reload during maintenance), so the service was deregistered then.
   */
  public synchronized void startPaused() {
    paused = true;
  }

  public synchronized boolean isPaused() {
    return paused;
  }

  private Outcome report(CheckStatus status, String note) {
    lastStatus = status;
    lastNote = note;
    if (paused || retired) {
      return Outcome.SKIPPED;
    }
    if (consecutiveFailures > 0 && nanoClock.getAsLong() - nextAttemptNanos < 0) {
      return Outcome.DEFERRED;
    }
    try {
      Outcome outcome = send(status, note);
      if (consecutiveFailures > 0) {
        log.info(
            "Consul reachable again; service {} is {}", registration.id(), status.consulName());
      }
      consecutiveFailures = 0;
      return outcome;
    } catch (DiscoveryUnavailableException e) {
      consecutiveFailures++;
      Duration delay = backoff.delayAfter(consecutiveFailures);
      nextAttemptNanos = nanoClock.getAsLong() + delay.toNanos();
      if (consecutiveFailures == 1) {
        log.warn(
            "{}; retrying with back-off up to {} s", e.getMessage(), backoff.max().toSeconds());
      }
      return Outcome.FAILED;
    } catch (DiscoveryException e) {
      log.warn("{}", e.getMessage());
      return Outcome.FAILED;
    }
  }

  private Outcome send(CheckStatus status, String note) throws DiscoveryException {
    if (!registered) {
      return registerWith(status, note);
    }
    try {
      backend.updateTtl(registration.id(), status, note);
      return Outcome.UPDATED;
    } catch (NotRegisteredException e) {
      log.info(
          "Service {} is not registered on the agent any more; registering again",
          registration.id());
      return registerWith(status, note);
    }
  }

  private Outcome registerWith(CheckStatus status, String note) throws DiscoveryException {
    backend.register(registration, status);
    registered = true;
    if (status != CheckStatus.PASSING && !note.isEmpty()) {
      backend.updateTtl(registration.id(), status, note);
    }
    log.info(
        "Registered service {} at {}:{} ({})",
        registration.id(),
        registration.address(),
        registration.port(),
        status.consulName());
    return Outcome.REGISTERED;
  }
}
