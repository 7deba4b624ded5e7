package dev.keelson.pilot.watch;

import dev.keelson.pilot.discovery.DiscoveryBackend;
import dev.keelson.pilot.discovery.DiscoveryException;
import dev.keelson.pilot.discovery.ServiceInstance;
import dev.keelson.pilot.schedule.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one backend on its own thread and calls back when its passing instances change.
 *
 * <p>Guarantees: polls and callbacks of one poller run on one thread, one after another, so two
 * callbacks for one backend never overlap; a callback that blocks (e.g. waits for the onChange
 * process) delays this backend's next poll only, as in ContainerPilot. Polls start every {@code
 * interval} on a fixed grid, as ContainerPilot's ticker does; one that overruns (a slow onChange)
 * is followed by the next at once and the other missed ticks are dropped (see {@link Ticker}). A
 * failed query is logged and changes nothing. While {@link #pause paused} (maintenance) ticks are
 * skipped. A callback that throws is logged and polling goes on.
 */
public final class BackendPoller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BackendPoller.class);

  private final DiscoveryBackend discovery;
  private final String backendName;
  private final @Nullable String tag;
  private final Duration interval;
  private final Consumer<BackendChange> onChange;
  private final ChangeDetector detector;
  private final Ticker ticker;
  private volatile boolean paused;

  /**
   * @param tag only instances carrying this tag, or {@code null} for all
   * @param onChange called on the poller's thread with each change
   */
  public BackendPoller(
      DiscoveryBackend discovery,
      String backendName,
      @Nullable String tag,
      Duration interval,
      Consumer<BackendChange> onChange) {
    this(discovery, backendName, tag, interval, onChange, new ChangeDetector(backendName));
  }

  /**
   * @param detector the backend's state so far: a new one, or the one of the poller this replaces
   *     on a reload (which must be stopped)
   */
  public BackendPoller(
      DiscoveryBackend discovery,
      String backendName,
      @Nullable String tag,
      Duration interval,
      Consumer<BackendChange> onChange,
      ChangeDetector detector) {
    this.discovery = discovery;
    this.backendName = backendName;
    this.tag = tag;
    this.interval = interval;
    this.onChange = onChange;
    this.detector = detector;
    this.ticker = new Ticker("backend-" + backendName, interval, this::tick);
  }

  /**
   * Starts polling; the first poll happens after {@code initialDelay} (ContainerPilot waits one
   * interval).
   */
  public void start(Duration initialDelay) {
    ticker.start(initialDelay);
  }

  /** Starts polling with ContainerPilot's first poll one interval after start. */
  public void start() {
    start(interval);
  }

  /** Skips polls from now on (maintenance); the state of the last poll is kept. */
  public void pause() {
    paused = true;
  }

  /** Polls again from the next tick. */
  public void resume() {
    paused = false;
  }

  public String backendName() {
    return backendName;
  }

  /**
   * Stops polling: no poll starts after this returns; a callback already running is interrupted and
   * waited for up to {@code interval}.
   */
  @Override
  public void close() {
    ticker.close();
    try {
      if (!ticker.awaitTermination(interval)) {
        log.warn("backend {}: onChange still running after close", backendName);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void tick() {
    if (paused) {
      return;
    }
    try {
      pollOnce().ifPresent(this::deliver);
    } catch (RuntimeException e) {
      // said here with the backend's name; the ticker would only log it generically
      log.error("backend {}: poll failed: {}", backendName, e.toString());
    }
  }

  /** Queries once and returns the change, if any; does not call back. For the poller thread. */
  Optional<BackendChange> pollOnce() {
    List<ServiceInstance> passing;
    try {
      passing = discovery.passingInstances(backendName, tag);
    } catch (DiscoveryException e) {
      log.warn("backend {}: {}; keeping the last known instances", backendName, e.getMessage());
      return Optional.empty();
    }
    return detector.observe(passing);
  }

  private void deliver(BackendChange change) {
    log.debug("backend {} changed: +{} -{}", backendName, change.added(), change.removed());
    try {
      onChange.accept(change);
    } catch (RuntimeException e) {
      log.warn("backend {}: onChange callback failed: {}", backendName, e.toString());
    }
    if (Thread.currentThread().isInterrupted()) {
      // stopped (a reload) while onChange ran: it was killed, so the change is not handled yet
      detector.undo(change);
    }
  }
}
