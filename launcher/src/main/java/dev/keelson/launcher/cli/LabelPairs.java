package dev.keelson.launcher.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --label k=v} values: split on the first '='; a repeated key keeps its first place. */
final class LabelPairs {

  private LabelPairs() {}

  static Map<String, String> parse(List<String> pairs) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new CliFailure("--label '" + pair + "' must have the form key=value");
      }
      labels.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return labels;
  }
}
