package dev.keelson.launcher.spec;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as docker's CLI reads them ({@code 512m}, {@code 1g}, {@code 1.5GiB}): binary units,
 * an optional {@code b}/{@code ib}; {@code -1} means unlimited (for swap).
 */
public final class ByteSizes {

  private static final Pattern SIZE =
      Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kmgtp])?i?b?$", Pattern.CASE_INSENSITIVE);

  private ByteSizes() {}

  public static OptionalLong parse(String text) {
    if (text.trim().equals("-1")) {
      return OptionalLong.of(-1);
    }
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(matcher.group(1));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
    int power = "kmgtp".indexOf(unit) + 1;
    return OptionalLong.of(amount.multiply(BigDecimal.valueOf(1024).pow(power)).longValue());
  }
}
