package dev.keelson.launcher.spec;

import java.math.BigDecimal;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as docker's CLI reads them ({@code 1m30s}, {@code 500ms}, {@code 2h}); a bare number
 * means seconds, as paunch's {@code stop_grace_period} does.
 */
public final class Durations {

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d*)?|\\.\\d+");

  private Durations() {}

  /** Nanoseconds, or empty when the text is not a duration. */
  public static OptionalLong toNanos(String text) {
    String trimmed = text.trim();
    if (NUMBER.matcher(trimmed).matches()) {
      return OptionalLong.of(new BigDecimal(trimmed).movePointRight(9).longValue());
    }
    Matcher part = PART.matcher(trimmed);
    BigDecimal nanos = BigDecimal.ZERO;
    int position = 0;
    while (position < trimmed.length()) {
      if (!part.find(position) || part.start() != position) {
        return OptionalLong.empty();
      }
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(unit(part.group(2))));
      position = part.end();
    }
    return position == 0 ? OptionalLong.empty() : OptionalLong.of(nanos.longValue());
  }

  private static BigDecimal unit(String suffix) {
    return switch (suffix) {
      case "ns" -> BigDecimal.ONE;
      case "us", "µs" -> BigDecimal.valueOf(1_000L);
      case "ms" -> BigDecimal.valueOf(1_000_000L);
      case "s" -> BigDecimal.valueOf(1_000_000_000L);
      case "m" -> BigDecimal.valueOf(60_000_000_000L);
      default -> BigDecimal.valueOf(3_600_000_000_000L);
    };
  }
}
