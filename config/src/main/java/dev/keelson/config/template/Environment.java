package dev.keelson.config.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The variables a template may read: an immutable name → value map. Only entry points build one
 * from the process environment; everything else receives it as an argument, so rendering is a pure
 * function of its inputs.
 *
 * @param variables every variable; values are kept whole, including any {@code '='} they contain
 */
public record Environment(Map<String, String> variables) {

  public Environment {
    variables = Map.copyOf(variables);
  }

  /** No variables at all: every {@code {{.X}}} renders empty. */
  public static Environment empty() {
    return new Environment(Map.of());
  }

  public static Environment of(Map<String, String> variables) {
    return new Environment(variables);
  }

  /**
   * Parses {@code KEY=VALUE} entries as found in {@code /proc/<pid>/environ}. The value is
   * everything after the <em>first</em> '=', so {@code FOO=a=b} is {@code a=b} (ContainerPilot
   * 2.0.1 kept only {@code a}: its defect D8). Entries without '=' are skipped; a later duplicate
   * wins, as it does for getenv.
   */
  public static Environment fromEntries(List<String> entries) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        parsed.put(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return new Environment(parsed);
  }

  /** The value of {@code name}, if it is set (an empty value is set). */
  public Optional<String> lookup(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** This environment plus {@code name=value} (replacing an earlier value). */
  public Environment with(String name, String value) {
    Map<String, String> copy = new TreeMap<>(variables);
    copy.put(name, value);
    return new Environment(copy);
  }
}
