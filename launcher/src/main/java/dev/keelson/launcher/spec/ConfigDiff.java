package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says which fields of an entry changed, {@code old => new}, e.g. {@code image (app:1 => app:2),
 * command ([sleep, 1] => [sleep, 2])}. Environment changes name the variables but never show their
 * values, which are often secrets.
 */
public final class ConfigDiff {

  private static final String UNSET = "<unset>";

  private ConfigDiff() {}

  /** Empty when the two entries are equal as paunch compares them. */
  public static String describe(JsonNode before, JsonNode after) {
    Set<String> keys = new LinkedHashSet<>();
    after.fieldNames().forEachRemaining(keys::add);
    before.fieldNames().forEachRemaining(keys::add);
    List<String> changes = new ArrayList<>();
    for (String key : keys) {
      JsonNode old = before.get(key);
      JsonNode now = after.get(key);
      if (old != null && now != null && ConfigData.PythonEquality.equal(old, now)) {
        continue;
      }
      // container-agent manifests call it env: values stay out of the output there too
      changes.add(
          key.equals("environment") || key.equals("env")
              ? key + " (" + environmentChange(old, now) + ")"
              : key + " (" + text(old) + " => " + text(now) + ")");
    }
    return String.join(", ", changes);
  }

  private static String environmentChange(JsonNode before, JsonNode after) {
    Map<String, String> old = variables(before);
    Map<String, String> now = variables(after);
    List<String> parts = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    now.forEach(
        (name, value) -> {
          if (!old.containsKey(name)) {
            added.add(name);
          } else if (!old.get(name).equals(value)) {
            changed.add(name);
          }
        });
    old.keySet().stream().filter(name -> !now.containsKey(name)).forEach(removed::add);
    addPart(parts, "changed", changed);
    addPart(parts, "added", added);
    addPart(parts, "removed", removed);
    return parts.isEmpty() ? "reordered or reformatted" : String.join("; ", parts);
  }

  private static void addPart(List<String> parts, String verb, List<String> names) {
    if (!names.isEmpty()) {
      parts.add(verb + " " + String.join(", ", names));
    }
  }

  private static Map<String, String> variables(JsonNode environment) {
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment == null) {
      return variables;
    }
    if (environment.isObject()) {
      environment
          .properties()
          .forEach(field -> variables.put(field.getKey(), text(field.getValue())));
    } else if (environment.isArray()) {
      environment.forEach(
          item -> {
            if (item.isObject()) {
              // a manifest's {key, value} item
              variables.put(text(item.path("key")), text(item.path("value")));
            } else {
              put(variables, PythonText.str(item));
            }
          });
    } else if (!environment.isNull()) {
      put(variables, PythonText.str(environment));
    }
    return variables;
  }

  private static void put(Map<String, String> variables, String assignment) {
    int equals = assignment.indexOf('=');
    variables.put(
        equals < 0 ? assignment : assignment.substring(0, equals),
        equals < 0 ? "" : assignment.substring(equals + 1));
  }

  /** A compact flow form: strings bare, lists {@code [a, b]}, mappings {@code {k: v}}. */
  static String text(JsonNode value) {
    if (value == null) {
      return UNSET;
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(text(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.isObject()) {
      List<String> fields = new ArrayList<>();
      value
          .properties()
          .forEach(field -> fields.add(field.getKey() + ": " + text(field.getValue())));
      return "{" + String.join(", ", fields) + "}";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "true" : "false";
    }
    return PythonText.str(value);
  }
}
