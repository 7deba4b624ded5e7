package dev.keelson.launcher.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How long one engine call may wait for its answer. A hung engine (alive, listening, answering
 * nothing) would otherwise hold paunch forever: docker-java's response timeout is not applied to
 * unix sockets, and a read on one blocks until the engine writes. Past the limit, the calling
 * thread is interrupted, which closes the socket channel it is blocked on and ends the call. (A TCP
 * socket ignores the interrupt; there the same limit is its read timeout: see {@code
 * DockerJavaEngine#interruptible}.)
 *
 * <p>Only calls the engine answers at once belong here, and stops and restarts, whose answer comes
 * at most the container's grace period later ({@link #extendedBy}). Waits for a container's exit,
 * pulls, exec and attach streams may be silent for as long as the container or the registry takes.
 */
public final class AnswerDeadline {

  /** docker-py's default for every call; ample for an engine under load. */
  public static final Duration DEFAULT = Duration.ofSeconds(60);

  private final Duration limit;

  public AnswerDeadline(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("an answer deadline must be positive, not " + limit);
    }
    this.limit = limit;
  }

  public Duration limit() {
    return limit;
  }

  /** This limit plus {@code wait}: for a call the engine answers only after that wait. */
  public AnswerDeadline extendedBy(Duration wait) {
    return new AnswerDeadline(limit.plus(wait));
  }

  /**
   * Runs {@code call} on this thread; throws {@link Missed} when it was still waiting after the
   * limit. An interrupt that reached the thread only as the call returned is cleared, so the next
   * call does not fail at once.
   */
  <T> T run(Supplier<T> call) {
    Alarm alarm = new Alarm(Thread.currentThread());
    ScheduledFuture<?> ringing =
        Watchdog.EXECUTOR.schedule(alarm::ring, limit.toNanos(), TimeUnit.NANOSECONDS);
    try {
      return call.get();
    } catch (RuntimeException e) {
      // silenced first, so the alarm cannot ring between the verdict and the end of the call
      if (alarm.silence()) {
        throw new Missed(e);
      }
      throw e;
    } finally {
      ringing.cancel(false);
      alarm.silence();
    }
  }

  /** The call was still waiting for the engine at the limit. */
  static final class Missed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missed(Throwable cause) {
      super(cause);
    }
  }

  /** Interrupts the caller once, unless the call has finished first. */
  private static final class Alarm {
    private final Thread caller;
    private boolean finished;
    private boolean rang;

    Alarm(Thread caller) {
      this.caller = caller;
    }

    synchronized void ring() {
      if (!finished) {
        rang = true;
        caller.interrupt();
      }
    }

    /**
     * The call is over: an interrupt this alarm set is taken back (it is set by now: see ring).
     * Returns whether the alarm rang. Once it has rung, an interrupt from elsewhere that came
     * during the same call cannot be told from it and is taken back too.
     */
    synchronized boolean silence() {
      if (!finished) {
        finished = true;
        if (rang) {
          Thread.interrupted();
        }
      }
      return rang;
    }
  }

  /** One daemon thread for every deadline of the process, started with the first call. */
  private static final class Watchdog {
    static final ScheduledThreadPoolExecutor EXECUTOR = start();

    private static ScheduledThreadPoolExecutor start() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = new Thread(task, "engine-answer-deadline");
                thread.setDaemon(true);
                return thread;
              });
      // a call that returns in time cancels its alarm: drop it from the queue there and then
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
