package dev.keelson.pilot.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.command.Command;
import dev.keelson.config.command.CommandParser;
import dev.keelson.config.command.CommandSyntaxException;
import dev.keelson.config.load.Document;
import dev.keelson.config.problem.Problems;
import dev.keelson.config.problem.SourceLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of one JSON object, recording problems instead of throwing so that every mistake
 * is reported at once. Each problem names the path ({@code services[web].poll}) and where the value
 * is in the source. Call {@link #rejectUnknownKeys()} last: every key no getter asked for is an
 * error.
 *
 * <p>Keys match regardless of case when no key is spelled exactly so ({@code "preStop"} is also
 * {@code "PreStop"} or {@code "prestop"}), as Go's encoding/json matched them for ContainerPilot.
 */
final class ObjectReader {

  private final Document document;
  private final JsonNode node;
  private final String pointer;
  private final String path;
  private final Problems problems;
  private final Set<String> consumed = new LinkedHashSet<>();
  private final Set<String> matched = new LinkedHashSet<>();

  ObjectReader(Document document, JsonNode node, String pointer, String path, Problems problems) {
    this.document = document;
    this.node = node;
    this.pointer = pointer;
    this.path = path;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    JsonNode value = node.get(spelled(key));
    return value != null && !value.isNull();
  }

  void error(String key, String message) {
    problems.error(pathOf(key), message, locate(key));
  }

  void warning(String key, String message) {
    problems.warning(pathOf(key), message, locate(key));
  }

  @Nullable SourceLocation locate(String key) {
    return document.locate(Document.child(pointer, spelled(key)));
  }

  /** How the config spells {@code key}: exactly so, else the first key equal but for case. */
  private String spelled(String key) {
    if (node.has(key)) {
      return key;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.equalsIgnoreCase(key)) {
        return name;
      }
    }
    return key;
  }

  /** The raw value, marking the key as known; null when absent or JSON null. */
  @Nullable JsonNode raw(String key) {
    consumed.add(key);
    String spelled = spelled(key);
    matched.add(spelled);
    JsonNode value = node.get(spelled);
    return value == null || value.isNull() ? null : value;
  }

  Optional<String> string(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      error(key, "must be a string");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  String requiredString(String key) {
    Optional<String> value = string(key);
    if (value.isEmpty() && !has(key)) {
      error(key, "is required");
    } else if (value.isPresent() && value.get().isBlank()) {
      error(key, "must not be empty");
    }
    return value.orElse("");
  }

  /** An integer; a string of digits is accepted too, as ContainerPilot 2.1.1+ does. */
  Optional<Long> integer(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Optional.of(value.asLong());
    }
    if (value.isTextual() && value.asText().strip().matches("-?\\d{1,18}")) {
      return Optional.of(Long.parseLong(value.asText().strip()));
    }
    error(key, "must be an integer");
    return Optional.empty();
  }

  /** An integer of at least 1 ({@code poll}, {@code ttl}, {@code port}). */
  int positive(String key, boolean required, int fallback) {
    Optional<Long> value = integer(key);
    if (value.isEmpty()) {
      if (required && !has(key)) {
        error(key, "is required");
      }
      return fallback;
    }
    if (value.get() < 1 || value.get() > Integer.MAX_VALUE) {
      error(key, "must be greater than 0");
      return fallback;
    }
    return value.get().intValue();
  }

  /** A string or an array of strings (tags, interfaces, etcd endpoints). */
  List<String> stringList(String key, List<String> fallback) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (!value.isArray()) {
      error(key, "must be a string or an array of strings");
      return fallback;
    }
    List<String> items = new ArrayList<>();
    for (int index = 0; index < value.size(); index++) {
      JsonNode item = value.get(index);
      if (!item.isTextual()) {
        error(key, "must be a string or an array of strings (item " + index + " is not a string)");
        return fallback;
      }
      items.add(item.asText());
    }
    return items;
  }

  /**
   * A command as a string (split honouring quotes) or an array (argv verbatim). An empty string is
   * "no command", as in ContainerPilot; an empty array is an error.
   */
  Optional<Command> command(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      try {
        return CommandParser.parse(value.asText());
      } catch (CommandSyntaxException e) {
        error(key, "is not a valid command: " + e.getMessage());
        return Optional.empty();
      }
    }
    if (!value.isArray()) {
      error(key, "must be a string or an array");
      return Optional.empty();
    }
    if (value.isEmpty()) {
      error(key, "must not be an empty array");
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isValueNode() || item.isNull()) {
        error(key, "must be a string or an array of strings");
        return Optional.empty();
      }
      argv.add(item.asText());
    }
    return Optional.of(new Command(argv));
  }

  Optional<Duration> timeout(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual() && !value.isIntegralNumber()) {
      error(key, "must be a duration string such as \"10s\" or a number of seconds");
      return Optional.empty();
    }
    try {
      return GoDurations.parseTimeout(value.asText());
    } catch (IllegalArgumentException e) {
      error(key, String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  /** A nested object, or empty (with an error) when the value is something else. */
  Optional<ObjectReader> object(String key, String childPath) {
    JsonNode value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      error(key, "must be an object");
      return Optional.empty();
    }
    return Optional.of(
        new ObjectReader(
            document, value, Document.child(pointer, spelled(key)), childPath, problems));
  }

  /** The objects of an array; {@code naming} gives each its path from its {@code name}. */
  List<ObjectReader> objects(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      error(key, "must be an array");
      return List.of();
    }
    List<ObjectReader> readers = new ArrayList<>();
    String arrayPointer = Document.child(pointer, spelled(key));
    for (int index = 0; index < value.size(); index++) {
      JsonNode item = value.get(index);
      String itemPointer = Document.child(arrayPointer, Integer.toString(index));
      JsonNode name = item.get("name");
      String label = name != null && name.isTextual() ? name.asText() : Integer.toString(index);
      String itemPath = pathOf(key) + "[" + label + "]";
      if (!item.isObject()) {
        problems.error(itemPath, "must be an object", document.locate(itemPointer));
        continue;
      }
      readers.add(new ObjectReader(document, item, itemPointer, itemPath, problems));
    }
    return readers;
  }

  /** Reports every key no getter asked for, naming each. */
  void rejectUnknownKeys() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!matched.contains(key)) {
        problems.error(
            path,
            "unknown key \"" + key + "\" (known keys: " + String.join(", ", consumed) + ")",
            document.locate(Document.child(pointer, key)));
      }
    }
  }
}
