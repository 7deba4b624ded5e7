package dev.keelson.launcher.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.keelson.config.load.Document;
import dev.keelson.config.problem.Problems;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed values from a manifest and records each problem as {@code <path> <message>} at the
 * value's source position. A wrong value reads as absent after its error is recorded, so that one
 * pass reports every problem.
 */
final class ValueReader {

  private final Document document;
  private final Problems problems;

  ValueReader(Document document, Problems problems) {
    this.document = document;
    this.problems = problems;
  }

  /** Errors carry the whole path in the message, so they read {@code a.b is invalid: x}. */
  void error(Field field, String message) {
    problems.error("", field.path() + " " + message, document.locate(field.pointer()));
  }

  void warning(Field field, String message) {
    problems.warning("", field.path() + " " + message, document.locate(field.pointer()));
  }

  int errorCount() {
    return (int) problems.all().stream().filter(problem -> problem.isError()).count();
  }

  static JsonNode get(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null ? MissingNode.getInstance() : value;
  }

  /** A string (numbers are taken as written); null when absent, null or wrong. */
  @Nullable String text(JsonNode value, Field field) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isNumber()) {
      return value.asText();
    }
    error(field, "must be a string, not " + describe(value));
    return null;
  }

  @Nullable Long integer(JsonNode value, Field field) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      error(field, "must be an integer, not " + describe(value));
      return null;
    }
    return value.longValue();
  }

  boolean flag(JsonNode value, Field field) {
    if (value.isMissingNode() || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      error(field, "must be true or false, not " + describe(value));
      return false;
    }
    return value.booleanValue();
  }

  /** The items of a list; absent or null is an empty list. */
  List<JsonNode> list(JsonNode value, Field field) {
    List<JsonNode> items = new ArrayList<>();
    if (value.isMissingNode() || value.isNull()) {
      return items;
    }
    if (!value.isArray()) {
      error(field, "must be a list, not " + describe(value));
      return items;
    }
    value.forEach(items::add);
    return items;
  }

  /** Whether {@code value} is a mapping; reports it when not. */
  boolean mapping(JsonNode value, Field field) {
    if (value.isObject()) {
      return true;
    }
    error(field, "must be a mapping, not " + describe(value));
    return false;
  }

  void warnUnknownKeys(JsonNode node, Field field, Set<String> known) {
    Iterator<String> keys = node.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!known.contains(key)) {
        warning(field.key(key), "is not a v1beta1 field, ignored");
      }
    }
  }

  /** The item's {@code name} when it is a non-empty string, for labelling it in paths. */
  static String label(JsonNode item) {
    JsonNode name = item.get("name");
    return name != null && name.isTextual() ? name.asText() : "";
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
    if (value.isNull()) {
      return "null";
    }
    if (value.isBoolean()) {
      return "the boolean " + value.booleanValue();
    }
    return "the value " + value.asText();
  }
}
