package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Renders config values the way Python prints them, because paunch builds its docker arguments with
 * {@code '%s' % value} and its labels with {@code json.dumps}: byte-for-byte equal text is what
 * lets a container made by the Python tool be recognised as unchanged.
 */
public final class PythonText {

  private PythonText() {}

  /** Python's {@code str(value)}: strings verbatim, {@code True}, {@code None}, float repr. */
  public static String str(JsonNode value) {
    return value.isTextual() ? value.asText() : repr(value);
  }

  /** Python's {@code repr(value)} for the types a YAML document can hold. */
  static String repr(JsonNode value) {
    if (value.isTextual()) {
      return quote(value.asText());
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "True" : "False";
    }
    if (value.isNull() || value.isMissingNode()) {
      return "None";
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      return floatRepr(value.doubleValue());
    }
    if (value.isArray()) {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < value.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(repr(value.get(i)));
      }
      return text.append(']').toString();
    }
    if (value.isObject()) {
      StringBuilder text = new StringBuilder("{");
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        text.append(text.length() == 1 ? "" : ", ");
        text.append(quote(field.getKey())).append(": ").append(repr(field.getValue()));
      }
      return text.append('}').toString();
    }
    return quote(value.asText());
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that read back as the same double, in fixed
   * notation when the decimal exponent is in [-4, 16), otherwise {@code 1e+16} / {@code 1e-05}.
   * Java's {@code Double.toString} differs in both the switch points and (before JDK 19) digits.
   */
  public static String floatRepr(double number) {
    if (Double.isNaN(number)) {
      return "nan";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? "inf" : "-inf";
    }
    String sign = (number < 0 || (number == 0 && 1 / number < 0)) ? "-" : "";
    double magnitude = Math.abs(number);
    if (magnitude == 0) {
      return sign + "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(magnitude);
    String digits = shortest.unscaledValue().toString();
    int pointPosition = digits.length() - shortest.scale();
    if (pointPosition <= -4 || pointPosition > 16) {
      int exponent = pointPosition - 1;
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exponentText = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText;
    }
    if (pointPosition <= 0) {
      return sign + "0." + "0".repeat(-pointPosition) + digits;
    }
    if (pointPosition >= digits.length()) {
      return sign + digits + "0".repeat(pointPosition - digits.length()) + ".0";
    }
    return sign + digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
  }

  private static BigDecimal shortestRoundTrip(double magnitude) {
    BigDecimal exact = new BigDecimal(magnitude);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == magnitude) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** Python's string repr: single quotes unless the text holds one and no double quote. */
  private static String quote(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.append(quote).toString();
  }

  /** Python truthiness: false for False, None, 0, 0.0, "", [] and {}. */
  public static boolean truthy(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.doubleValue() != 0
          || (value.isIntegralNumber() && value.bigIntegerValue().signum() != 0);
    }
    if (value.isTextual()) {
      return !value.asText().isEmpty();
    }
    return value.size() > 0;
  }
}
