package dev.keelson.config.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code fmt.Sprintf} for the values a template handles: the verbs {@code v s q d x X o b c e
 * E f F g t %}, the flags {@code - + 0 space #}, width and precision. A verb that does not fit its
 * argument prints as Go prints it, e.g. {@code %!d(string=abc)}; so do missing and extra arguments.
 */
final class GoFormat {

  /** Go's fmt refuses a width or precision above this. */
  private static final int MAX_WIDTH = 1_000_000;

  private final String format;
  private final List<@Nullable Object> args;
  private final StringBuilder out = new StringBuilder();
  private int used;

  private GoFormat(String format, List<@Nullable Object> args) {
    this.format = format;
    this.args = args;
  }

  static String sprintf(String format, List<@Nullable Object> args) {
    return new GoFormat(format, args).run();
  }

  /** One verb's flags, width and precision (-1 when absent). */
  private record Spec(String flags, int width, int precision, char verb) {
    boolean has(char flag) {
      return flags.indexOf(flag) >= 0;
    }
  }

  private String run() {
    int index = 0;
    while (index < format.length()) {
      char c = format.charAt(index++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int start = index;
      while (index < format.length() && "+-# 0".indexOf(format.charAt(index)) >= 0) {
        index++;
      }
      String flags = format.substring(start, index);
      int width = -1;
      int digits = index;
      while (index < format.length() && Character.isDigit(format.charAt(index))) {
        index++;
      }
      if (index > digits) {
        width = number(format.substring(digits, index));
        if (width < 0) {
          out.append("%!(BADWIDTH)");
        }
      }
      int precision = -1;
      if (index < format.length() && format.charAt(index) == '.') {
        index++;
        digits = index;
        while (index < format.length() && Character.isDigit(format.charAt(index))) {
          index++;
        }
        precision = index > digits ? number(format.substring(digits, index)) : 0;
        if (precision < 0) {
          out.append("%!(BADPREC)");
        }
      }
      if (index >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      Spec spec = new Spec(flags, width, precision, format.charAt(index++));
      if (spec.verb() == '%') {
        out.append('%');
      } else if (used >= args.size()) {
        out.append("%!").append(spec.verb()).append("(MISSING)");
      } else {
        out.append(verb(spec, args.get(used++)));
      }
    }
    if (used < args.size()) {
      List<String> extra = new ArrayList<>();
      for (Object arg : args.subList(used, args.size())) {
        extra.add(GoValues.typeName(arg) + "=" + GoValues.print(arg));
      }
      out.append("%!(EXTRA ").append(String.join(", ", extra)).append(')');
    }
    return out.toString();
  }

  /** A width or precision; -1 above Go's limit of a million, which it reports as bad. */
  private static int number(String digits) {
    return digits.length() > 7 || Integer.parseInt(digits) > MAX_WIDTH
        ? -1
        : Integer.parseInt(digits);
  }

  private String verb(Spec spec, @Nullable Object arg) {
    String text =
        switch (spec.verb()) {
          case 'v' -> arg instanceof Double number ? real(spec, number, 'g') : GoValues.print(arg);
          case 's' -> arg instanceof String || arg instanceof List<?> ? string(spec, arg) : null;
          case 'q' -> quoted(arg);
          case 't' -> arg instanceof Boolean ? arg.toString() : null;
          case 'd', 'o', 'b', 'c' -> arg instanceof Long number ? integer(spec, number) : null;
          case 'x', 'X' -> hex(spec, arg);
          case 'e', 'E', 'f', 'F', 'g', 'G' ->
              arg instanceof Double number ? real(spec, number, spec.verb()) : null;
          default -> null;
        };
    if (text == null) {
      return "%!" + spec.verb() + "(" + GoValues.typeName(arg) + "=" + GoValues.print(arg) + ")";
    }
    return pad(spec, text, isNumeric(spec, arg));
  }

  private static boolean isNumeric(Spec spec, @Nullable Object arg) {
    return (arg instanceof Long || arg instanceof Double) && spec.verb() != 'c';
  }

  private static String string(Spec spec, Object arg) {
    String text = GoValues.print(arg);
    if (spec.precision() >= 0 && text.codePointCount(0, text.length()) > spec.precision()) {
      return text.substring(0, text.offsetByCodePoints(0, spec.precision()));
    }
    return text;
  }

  private static @Nullable String quoted(@Nullable Object arg) {
    if (arg instanceof String text) {
      return GoValues.quote(text);
    }
    if (arg instanceof Long number && Character.isValidCodePoint(number.intValue())) {
      String inner = GoValues.quote(Character.toString(number.intValue()));
      inner = inner.substring(1, inner.length() - 1);
      return "'" + ("\\\"".equals(inner) ? "\"" : "'".equals(inner) ? "\\'" : inner) + "'";
    }
    return null;
  }

  private static String integer(Spec spec, long number) {
    String magnitude =
        switch (spec.verb()) {
          case 'o' -> (spec.has('#') ? "0" : "") + Long.toOctalString(Math.abs(number));
          case 'b' -> Long.toBinaryString(Math.abs(number));
          case 'c' -> Character.toString((int) number);
          default -> Long.toString(Math.abs(number));
        };
    if (spec.verb() == 'c') {
      return magnitude;
    }
    return sign(spec, number < 0) + magnitude;
  }

  private static @Nullable String hex(Spec spec, @Nullable Object arg) {
    boolean upper = spec.verb() == 'X';
    String prefix = spec.has('#') ? (upper ? "0X" : "0x") : "";
    if (arg instanceof Long number) {
      String digits = Long.toHexString(Math.abs(number));
      return sign(spec, number < 0) + prefix + (upper ? digits.toUpperCase(Locale.ROOT) : digits);
    }
    if (arg instanceof String text) {
      StringBuilder digits = new StringBuilder(prefix);
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        digits.append(String.format(upper ? "%02X" : "%02x", b & 0xff));
      }
      return digits.toString();
    }
    return null;
  }

  private static String real(Spec spec, double number, char verb) {
    String sign = sign(spec, number < 0 || (number == 0 && 1 / number < 0));
    double magnitude = Math.abs(number);
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return (Double.isNaN(number) ? "" : sign.isEmpty() ? "+" : sign)
          + (Double.isNaN(number) ? "NaN" : "Inf");
    }
    int precision = spec.precision();
    String text =
        switch (verb) {
          case 'e', 'E' ->
              String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "e", magnitude);
          case 'f', 'F' ->
              String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "f", magnitude);
          default ->
              precision < 0 ? GoValues.decimal(magnitude) : significant(magnitude, precision);
        };
    if (verb == 'E' || verb == 'G') {
      text = text.toUpperCase(Locale.ROOT);
    }
    return sign + text;
  }

  /** {@code %.Ng}: N significant digits, trailing zeros dropped, as Go prints it. */
  private static String significant(double magnitude, int precision) {
    java.math.BigDecimal rounded =
        new java.math.BigDecimal(magnitude)
            .round(new java.math.MathContext(Math.max(precision, 1)))
            .stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= Math.max(precision, 1)) {
      return String.format(Locale.ROOT, "%." + (rounded.precision() - 1) + "e", rounded);
    }
    return rounded.toPlainString();
  }

  private static String sign(Spec spec, boolean negative) {
    if (negative) {
      return "-";
    }
    return spec.has('+') ? "+" : spec.has(' ') ? " " : "";
  }

  /** Pads to the width: on the right with '-', with zeros after any sign for '0', else spaces. */
  private static String pad(Spec spec, String text, boolean numeric) {
    int length = text.codePointCount(0, text.length());
    if (spec.width() <= length) {
      return text;
    }
    String fill = " ".repeat(spec.width() - length);
    if (spec.has('-')) {
      return text + fill;
    }
    if (spec.has('0')) {
      String zeros = "0".repeat(spec.width() - length);
      if (numeric && !text.isEmpty() && "+- ".indexOf(text.charAt(0)) >= 0) {
        return text.charAt(0) + zeros + text.substring(1);
      }
      return zeros + text;
    }
    return fill + text;
  }
}
