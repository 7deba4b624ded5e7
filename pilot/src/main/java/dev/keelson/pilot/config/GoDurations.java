package dev.keelson.pilot.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Parses timeouts as ContainerPilot 2.4+ wrote them: a Go duration ({@code 10s}, {@code 1m30s},
 * {@code 500ms}) or a bare number of seconds; {@code ""} and {@code "0"} mean no timeout.
 */
final class GoDurations {

  private static final Map<String, BigDecimal> NANOS_PER_UNIT =
      Map.of(
          "ns", BigDecimal.ONE,
          "us", BigDecimal.valueOf(1_000L),
          "µs", BigDecimal.valueOf(1_000L),
          "ms", BigDecimal.valueOf(1_000_000L),
          "s", BigDecimal.valueOf(1_000_000_000L),
          "m", BigDecimal.valueOf(60_000_000_000L),
          "h", BigDecimal.valueOf(3_600_000_000_000L));

  private GoDurations() {}

  /**
   * Parses one timeout; empty means "no timeout".
   *
   * @throws IllegalArgumentException with a user-facing reason
   */
  static Optional<Duration> parseTimeout(String text) {
    String value = text.strip();
    if (value.isEmpty() || value.equals("0")) {
      return Optional.empty();
    }
    if (value.chars().allMatch(Character::isDigit)) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    Duration total = Duration.ZERO;
    int index = 0;
    while (index < value.length()) {
      int numberStart = index;
      while (index < value.length()
          && (Character.isDigit(value.charAt(index)) || value.charAt(index) == '.')) {
        index++;
      }
      int unitStart = index;
      while (index < value.length()
          && !Character.isDigit(value.charAt(index))
          && value.charAt(index) != '.') {
        index++;
      }
      String number = value.substring(numberStart, unitStart);
      BigDecimal unit = NANOS_PER_UNIT.get(value.substring(unitStart, index));
      if (number.isEmpty() || unit == null) {
        throw notADuration(text);
      }
      try {
        total = total.plusNanos(new BigDecimal(number).multiply(unit).longValue());
      } catch (NumberFormatException e) {
        throw notADuration(text);
      }
    }
    return total.isZero() ? Optional.empty() : Optional.of(total);
  }

  private static IllegalArgumentException notADuration(String text) {
    return new IllegalArgumentException(
        "must be a duration such as \"10s\" or \"1m30s\", or a number of seconds, not \""
            + text
            + "\"");
  }
}
