package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Validates the {@code healthcheck} block: test, interval, timeout, retries. */
final class HealthcheckParser {

  private static final Set<String> KEYS = Set.of("test", "interval", "timeout", "retries");

  private HealthcheckParser() {}

  static @Nullable HealthcheckSpec parse(EntryReader reader) {
    JsonNode block = reader.value("healthcheck");
    if (block == null || block.isNull()) {
      return null;
    }
    if (!block.isObject()) {
      reader.error(
          "healthcheck",
          "must be a mapping with test, interval, timeout, retries, not "
              + EntryReader.describe(block));
      return null;
    }
    Iterator<String> keys = block.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        reader.warning("healthcheck." + key, "unknown key, ignored");
      }
    }
    List<String> test = test(reader, block.get("test"));
    return new HealthcheckSpec(
        test,
        duration(reader, block, "interval"),
        duration(reader, block, "timeout"),
        retries(reader, block));
  }

  private static List<String> test(EntryReader reader, @Nullable JsonNode test) {
    if (test == null || test.isNull()) {
      return List.of();
    }
    if (test.isTextual()) {
      return List.of(test.asText());
    }
    if (test.isArray() && test.size() > 0) {
      List<String> words = new ArrayList<>();
      for (JsonNode word : test) {
        if (!word.isTextual()) {
          reader.error("healthcheck.test", "must be a string or a list of strings");
          return List.of();
        }
        words.add(word.asText());
      }
      return words;
    }
    reader.error(
        "healthcheck.test",
        "must be a string or a list of strings, not " + EntryReader.describe(test));
    return List.of();
  }

  private static @Nullable String duration(EntryReader reader, JsonNode block, String key) {
    JsonNode value = block.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = PythonText.str(value);
    if (!(value.isTextual() || value.isNumber()) || Durations.toNanos(text).isEmpty()) {
      reader.error(
          "healthcheck." + key,
          "must be a duration like 30s or 1m30s, not " + EntryReader.describe(value));
      return null;
    }
    return text;
  }

  private static @Nullable Integer retries(EntryReader reader, JsonNode block) {
    JsonNode value = block.get("retries");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      reader.error(
          "healthcheck.retries",
          "must be a non-negative integer, not " + EntryReader.describe(value));
      return null;
    }
    return value.intValue();
  }
}
