package dev.keelson.launcher.spec;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.config.problem.ConfigException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code config_data} label: a config entry serialised exactly as Python's {@code
 * json.dumps(entry)} writes it, and the semantic comparison paunch uses to decide whether a
 * container still matches its entry.
 */
public final class ConfigData {

  private static final ObjectMapper LABEL_READER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private ConfigData() {}

  /**
   * {@code json.dumps} with default settings: {@code ", "} and {@code ": "} separators, keys in
   * document order, {@code ensure_ascii} (every char outside space..tilde as a lowercase {@code
   * \\uXXXX}; astral chars come out as surrogate pairs because Java strings are UTF-16 already),
   * floats as Python's repr, NaN/Infinity as Python spells them.
   *
   * @throws IllegalArgumentException for binary values, which Python cannot serialise either
   */
  public static String serialise(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(JsonNode value, StringBuilder out) {
    if (value.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        out.append(first ? "" : ", ");
        first = false;
        writeString(field.getKey(), out);
        out.append(": ");
        write(field.getValue(), out);
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        write(value.get(i), out);
      }
      out.append(']');
    } else if (value.isTextual()) {
      writeString(value.asText(), out);
    } else if (value.isBoolean()) {
      out.append(value.booleanValue() ? "true" : "false");
    } else if (value.isNull() || value.isMissingNode()) {
      out.append("null");
    } else if (value.isIntegralNumber()) {
      out.append(value.bigIntegerValue());
    } else if (value.isNumber()) {
      out.append(jsonFloat(value.doubleValue()));
    } else {
      throw new IllegalArgumentException(
          "Object of type "
              + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + " is not JSON serializable");
    }
  }

  private static String jsonFloat(double number) {
    if (Double.isNaN(number)) {
      return "NaN";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? "Infinity" : "-Infinity";
    }
    return PythonText.floatRepr(number);
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Whether the label written on a container still describes {@code entry}, compared as Python
   * compares values (mappings regardless of key order, lists in order, {@code 1 == 1.0 == True}).
   * paunch reads the label back with a YAML parser, which turns {@code 1e-05}, {@code NaN} and
   * escaped astral characters into different values, so such entries were replaced on every apply;
   * we read it as the JSON it is and fall back to YAML only for labels that are not JSON.
   *
   * @param label the label's text; null or blank (no label) never matches
   */
  public static boolean matches(@Nullable String label, JsonNode entry) {
    if (label == null || label.isBlank()) {
      return false;
    }
    JsonNode stored = read(label);
    return stored != null && PythonEquality.equal(stored, entry);
  }

  /** The label parsed back; null when it is neither JSON nor YAML. */
  public static @Nullable JsonNode read(String label) {
    try {
      return LABEL_READER.readTree(label);
    } catch (IOException notJson) {
      try {
        return YamlDocuments.parse(ConfigSource.of("config_data", label)).root();
      } catch (ConfigException notYaml) {
        return null;
      }
    }
  }

  /** Python's {@code ==} on JSON-like values. */
  static final class PythonEquality {
    private PythonEquality() {}

    static boolean equal(JsonNode left, JsonNode right) {
      if (isNumeric(left) && isNumeric(right)) {
        return numericEqual(left, right);
      }
      if (left.isTextual() && right.isTextual()) {
        return left.asText().equals(right.asText());
      }
      if (left.isNull() && right.isNull()) {
        return true;
      }
      if (left.isArray() && right.isArray()) {
        return arraysEqual(left, right);
      }
      if (left.isObject() && right.isObject()) {
        return objectsEqual(left, right);
      }
      return false;
    }

    private static boolean arraysEqual(JsonNode left, JsonNode right) {
      if (left.size() != right.size()) {
        return false;
      }
      for (int i = 0; i < left.size(); i++) {
        if (!equal(left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }

    private static boolean objectsEqual(JsonNode left, JsonNode right) {
      if (left.size() != right.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : left.properties()) {
        JsonNode other = right.get(field.getKey());
        if (other == null || !equal(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }

    private static boolean isNumeric(JsonNode node) {
      return node.isNumber() || node.isBoolean();
    }

    /** NaN equals NaN here (unlike Python), so such an entry is not replaced on every apply. */
    private static boolean numericEqual(JsonNode left, JsonNode right) {
      if (isSpecial(left) || isSpecial(right)) {
        double a = left.doubleValue();
        double b = right.doubleValue();
        return (Double.isNaN(a) && Double.isNaN(b)) || a == b;
      }
      return decimal(left).compareTo(decimal(right)) == 0;
    }

    private static boolean isSpecial(JsonNode node) {
      return node.isFloatingPointNumber()
          && (Double.isNaN(node.doubleValue()) || Double.isInfinite(node.doubleValue()));
    }

    private static BigDecimal decimal(JsonNode node) {
      if (node.isBoolean()) {
        return node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
      }
      if (node.isIntegralNumber()) {
        return new BigDecimal(node.bigIntegerValue());
      }
      return node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.doubleValue());
    }
  }
}
