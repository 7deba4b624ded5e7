package dev.keelson.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Polls a condition until it holds, for state that has no event to wait on (engine state, Consul's
 * catalog). Fails with the last observed value, so a timeout says what was seen instead.
 */
public final class Eventually {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private Eventually() {}

  /** Returns the first value of {@code probe} that {@code accept} holds for, or throws. */
  public static <T> T await(
      String what,
      Duration timeout,
      Supplier<T> probe,
      java.util.function.Predicate<? super T> accept) {
    long deadline = System.nanoTime() + timeout.toNanos();
    @Nullable T last = null;
    @Nullable RuntimeException lastError = null;
    while (true) {
      try {
        last = probe.get();
        lastError = null;
        if (accept.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        lastError = e;
      }
      if (System.nanoTime() - deadline > 0) {
        AssertionError failure =
            new AssertionError(
                "timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
        if (lastError != null) {
          failure.initCause(lastError);
        }
        throw failure;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /** Waits until {@code condition} is true. */
  public static void await(String what, Duration timeout, Supplier<Boolean> condition) {
    await(what, timeout, condition, Boolean.TRUE::equals);
  }
}
