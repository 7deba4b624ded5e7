package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.load.Document;
import dev.keelson.config.problem.Problems;
import dev.keelson.config.problem.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed values out of one entry, reporting each wrong value as a problem named {@code
 * container.key} at the value's source position. A missing key yields the default; a wrong value
 * yields the default too, after recording the error, so that one pass finds every problem.
 */
final class EntryReader {

  private final String containerName;
  private final JsonNode entry;
  private final Problems problems;
  private final Function<String, @Nullable SourceLocation> locator;

  EntryReader(
      String containerName,
      JsonNode entry,
      Problems problems,
      Function<String, @Nullable SourceLocation> locator) {
    this.containerName = containerName;
    this.entry = entry;
    this.problems = problems;
    this.locator = locator;
  }

  /** A locator that resolves {@code key} under {@code /containerName} in {@code document}. */
  static Function<String, @Nullable SourceLocation> locatorFor(
      @Nullable Document document, String containerName) {
    if (document == null) {
      return key -> null;
    }
    String base = Document.child("", containerName);
    return key -> document.locate(key.isEmpty() ? base : base + "/" + key);
  }

  String containerName() {
    return containerName;
  }

  boolean has(String key) {
    return entry.has(key);
  }

  @Nullable JsonNode value(String key) {
    return entry.get(key);
  }

  void error(String key, String message) {
    problems.error(path(key), message, locator.apply(pointer(key)));
  }

  void warning(String key, String message) {
    problems.warning(path(key), message, locator.apply(pointer(key)));
  }

  private String path(String key) {
    return key.isEmpty() ? containerName : containerName + "." + key;
  }

  /** JSON Pointer below the entry for a dotted or indexed key path like {@code env[2]}. */
  private static String pointer(String key) {
    return key.replace("[", "/").replace("]", "").replace(".", "/");
  }

  /**
   * A flag; null means false. Numbers count by truthiness as in paunch; strings are refused because
   * paunch treats {@code "false"} as true, which is never what the author meant.
   */
  boolean flag(String key, boolean defaultValue) {
    JsonNode value = entry.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value.isBoolean() || value.isNull() || value.isNumber()) {
      return PythonText.truthy(value);
    }
    error(key, "must be true or false, not " + describe(value));
    return defaultValue;
  }

  /** A scalar printed as paunch prints it; null (absent or YAML null) means "not set". */
  @Nullable String scalar(String key) {
    JsonNode value = entry.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual() || value.isNumber()) {
      return PythonText.str(value);
    }
    error(key, "must be a string, not " + describe(value));
    return null;
  }

  @Nullable Long integer(String key, long min, long max) {
    JsonNode value = entry.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      error(key, "must be an integer, not " + describe(value));
      return null;
    }
    long number = value.longValue();
    if (number < min || number > max) {
      error(key, "must be between " + min + " and " + max + ", not " + number);
      return null;
    }
    return number;
  }

  /**
   * A list of strings. A single string counts as a one-item list: paunch iterated it character by
   * character, which no author intended. Falsy items are skipped, as paunch skips them.
   */
  List<String> textList(String key) {
    JsonNode value = entry.get(key);
    List<String> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (value.isTextual() || value.isNumber()) {
      if (PythonText.truthy(value)) {
        items.add(PythonText.str(value));
      }
      return items;
    }
    if (!value.isArray()) {
      error(key, "must be a list of strings, not " + describe(value));
      return items;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (item.isTextual() || item.isNumber()) {
        if (PythonText.truthy(item)) {
          items.add(PythonText.str(item));
        }
      } else if (!item.isNull()) {
        error(key + "[" + i + "]", "must be a string, not " + describe(item));
      }
    }
    return items;
  }

  /** {@code environment}: a list of {@code KEY=value} strings, or a mapping KEY: value. */
  List<String> environment(String key) {
    JsonNode value = entry.get(key);
    if (value == null || !value.isObject()) {
      return textList(key);
    }
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode item = field.getValue();
      if (item.isNull() || (item.isTextual() && item.asText().isEmpty())) {
        items.add(field.getKey());
      } else if (item.isValueNode()) {
        items.add(field.getKey() + "=" + PythonText.str(item));
      } else {
        error(key + "." + field.getKey(), "must be a string, not " + describe(item));
      }
    }
    return items;
  }

  /** A command: a string is split on whitespace as Python's {@code str.split()} does. */
  List<String> command(String key) {
    JsonNode value = entry.get(key);
    if (value == null || !PythonText.truthy(value)) {
      return List.of();
    }
    if (value.isTextual()) {
      return splitOnWhitespace(value.asText());
    }
    if (!value.isArray()) {
      error(key, "must be a string or a list of strings, not " + describe(value));
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (item.isTextual() || item.isNumber()) {
        words.add(PythonText.str(item));
      } else {
        error(key + "[" + i + "]", "must be a string, not " + describe(item));
      }
    }
    return words;
  }

  /** Python's {@code str.split()}: runs of whitespace separate words; quotes mean nothing. */
  static List<String> splitOnWhitespace(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "the string '" + value.asText() + "'";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isBoolean()) {
      return "the boolean " + value.booleanValue();
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isBinary()) {
      return "binary data";
    }
    return "the number " + PythonText.str(value);
  }
}
