package dev.keelson.pilot.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on a fixed grid, as ContainerPilot 2.0.1's pollers do with Go's {@code
 * time.NewTicker(poll)}: runs start at {@code origin + k * period}, so the interval does not drift
 * by the task's own run time (a fixed delay would make the real interval poll + check + Consul
 * call). Runs never overlap. When a run overruns one or more grid points, the next run starts as
 * soon as it ends (Go's ticker channel holds one tick) and the other missed ticks are dropped, then
 * the grid resumes: no burst of catch-up runs (which {@code scheduleAtFixedRate} would make).
 *
 * <p>The task runs on the ticker's own thread; {@link #close} interrupts a run in progress and
 * starts no other.
 */
public final class Ticker implements AutoCloseable {

  /** Where runs are scheduled; a seam for deterministic tests. */
  public interface Scheduler {
    /**
     * Runs {@code task} once after {@code delayNanos}.
     *
     * @throws RejectedExecutionException once shut down
     */
    void schedule(Runnable task, long delayNanos);

    /** No more runs; interrupts one in progress. */
    void shutdownNow();

    /** Waits for a run in progress to end; true if none is left. */
    boolean awaitTermination(Duration timeout) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(Ticker.class);

  private final String name;
  private final Scheduler scheduler;
  private final LongSupplier nanoClock;
  private final long periodNanos;
  private final Runnable task;
  private volatile boolean closed;
  // nanoClock time of grid point 0; written by start() before the first run is scheduled
  private volatile long origin;

  /**
   * A ticker with a thread of its own, named {@code name} (a daemon: it must never keep the pilot
   * alive).
   */
  public Ticker(String name, Duration period, Runnable task) {
    this(name, period, task, new ThreadScheduler(name), System::nanoTime);
  }

  /** For tests: {@code scheduler} and {@code nanoClock} must agree on what a nanosecond is. */
  public Ticker(
      String name, Duration period, Runnable task, Scheduler scheduler, LongSupplier nanoClock) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period of " + name + " must be positive, got " + period);
    }
    this.name = name;
    this.periodNanos = period.toNanos();
    this.task = task;
    this.scheduler = scheduler;
    this.nanoClock = nanoClock;
  }

  /**
   * Starts ticking: the first run after {@code initialDelay} (grid point 0), then every period
   * after that first run's scheduled time. Call once.
   */
  public void start(Duration initialDelay) {
    long delay = Math.max(0, initialDelay.toNanos());
    origin = nanoClock.getAsLong() + delay;
    schedule(0, delay);
  }

  /** Stops: no run starts after this returns; a run in progress is interrupted. */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
  }

  /** After {@link #close}: waits up to {@code timeout} for an interrupted run to end. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return scheduler.awaitTermination(timeout);
  }

  private void schedule(long tick, long delayNanos) {
    if (closed) {
      return;
    }
    try {
      scheduler.schedule(() -> run(tick), delayNanos);
    } catch (RejectedExecutionException e) {
      // closed concurrently: nothing more to run
    }
  }

  /** Runs for grid point {@code tick}, then schedules the next run. */
  private void run(long tick) {
    if (closed) {
      return;
    }
    // the next tick is the grid point after the one this run is for, or after now when this run
    // started late (a late scheduler, or a catch-up run): earlier grid points are already past
    long next = Math.max(tick + 1, gridPointAfter(nanoClock.getAsLong()));
    try {
      task.run();
    } catch (RuntimeException e) {
      // an exception must not end the schedule; the task is expected to report its own failures
      log.error("{}: run failed: {}", name, e.toString());
    }
    long now = nanoClock.getAsLong();
    long nextAt = origin + next * periodNanos;
    // a tick passed while this ran: Go's ticker kept it (and dropped any later ones), so the next
    // run starts now; otherwise wait for the grid
    schedule(next, Math.max(0, nextAt - now));
  }

  /** The index of the first grid point strictly after {@code nanos}. */
  private long gridPointAfter(long nanos) {
    return Math.floorDiv(nanos - origin, periodNanos) + 1;
  }

  /** The real scheduler: one daemon thread. */
  private static final class ThreadScheduler implements Scheduler {
    private final ScheduledExecutorService thread;

    ThreadScheduler(String name) {
      this.thread =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread tickerThread = new Thread(runnable, name);
                tickerThread.setDaemon(true);
                return tickerThread;
              });
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
      var unused = thread.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdownNow() {
      thread.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
      return thread.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
  }
}
