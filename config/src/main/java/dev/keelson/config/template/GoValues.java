package dev.keelson.config.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How Go's templates see the values a template handles: strings, integers ({@link Long}), floats
 * ({@link Double}), booleans, lists of values, the environment (a string map) and nil.
 */
final class GoValues {

  private GoValues() {}

  /** Go's truth for {@code if}, {@code with}, {@code and}, {@code or}, {@code not}. */
  static boolean truth(@Nullable Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof String text) {
      return !text.isEmpty();
    }
    if (value instanceof Long number) {
      return number != 0;
    }
    if (value instanceof Double number) {
      return number != 0;
    }
    if (value instanceof List<?> list) {
      return !list.isEmpty();
    }
    if (value instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    return true;
  }

  /** Go's {@code %v}: a list as {@code [a b]}, the environment as {@code map[K:V ...]}. */
  static String print(@Nullable Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof Double number) {
      return decimal(number);
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : " ").append(print(list.get(i)));
      }
      return out.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
        out.append(first ? "" : " ").append(entry.getKey()).append(':');
        out.append(print(entry.getValue()));
        first = false;
      }
      return out.append(']').toString();
    }
    return value.toString();
  }

  /**
   * A float as Go's {@code %v} and {@code %g} print it: the shortest form that reads back the same,
   * in exponent notation below 1e-4 or from 1e6 ({@code 1e+06}).
   */
  static String decimal(double number) {
    if (Double.isNaN(number)) {
      return "NaN";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? "+Inf" : "-Inf";
    }
    if (number == 0) {
      return 1 / number < 0 ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(number)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String digits = exact.unscaledValue().abs().toString();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String sign = exact.signum() < 0 ? "-" : "";
      String expSign = exponent < 0 ? "-" : "+";
      int magnitude = Math.abs(exponent);
      return sign + mantissa + "e" + expSign + (magnitude < 10 ? "0" : "") + magnitude;
    }
    return exact.toPlainString();
  }

  /** Go's name of a value's type, for error messages. */
  static String typeName(@Nullable Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "float64";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof List<?>) {
      return "[]string";
    }
    if (value instanceof Map<?, ?>) {
      return "map[string]string";
    }
    return value.getClass().getSimpleName();
  }

  /** Go's {@code fmt.Sprint}: a space between two operands when neither is a string. */
  static String sprint(List<@Nullable Object> args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      if (i > 0 && !(arg instanceof String) && !(args.get(i - 1) instanceof String)) {
        out.append(' ');
      }
      out.append(print(arg));
    }
    return out.toString();
  }

  /** Go's {@code fmt.Sprintln}: spaces between all operands, and a newline. */
  static String sprintln(List<@Nullable Object> args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      out.append(i == 0 ? "" : " ").append(print(args.get(i)));
    }
    return out.append('\n').toString();
  }

  /** Go's {@code strconv.Quote}, as {@code %q} prints a string. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 0x0b -> out.append("\\v");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else if (Character.isISOControl(c) || !Character.isDefined(c)) {
                    out.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
