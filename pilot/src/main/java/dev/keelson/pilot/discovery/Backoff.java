package dev.keelson.pilot.discovery;

import java.time.Duration;

/**
 * Exponential back-off: the delay after the n-th consecutive failure is {@code initial * 2^(n-1)},
 * capped at {@code max}.
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial back-off must be positive, got " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max back-off " + max + " is below initial " + initial);
    }
  }

  /**
   * Back-off for work driven by a poll of {@code pollInterval}: starts at one second (or the poll,
   * if shorter) and never exceeds the poll, so once Consul is back the next attempt happens within
   * two polls.
   */
  public static Backoff forPoll(Duration pollInterval) {
    Duration initial =
        pollInterval.compareTo(Duration.ofSeconds(1)) < 0 ? pollInterval : Duration.ofSeconds(1);
    return new Backoff(initial, pollInterval);
  }

  /** The wait after {@code consecutiveFailures} failures in a row; zero for none. */
  public Duration delayAfter(int consecutiveFailures) {
    if (consecutiveFailures <= 0) {
      return Duration.ZERO;
    }
    int doublings = Math.min(consecutiveFailures - 1, 30);
    long millis = initial.toMillis() << doublings;
    if (millis <= 0 || millis > max.toMillis()) {
      return max;
    }
    return Duration.ofMillis(millis);
  }
}
