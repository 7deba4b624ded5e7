package dev.keelson.launcher.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The parameters of one apply.
 *
 * @param extraLabels the {@code --label} pairs, in command-line order
 * @param nameSuffixes yields the random 8-character suffix for a taken name; injected so that the
 *     planner stays a pure function and tests can predict names
 */
public record ReconcileOptions(
    String configId,
    String managedBy,
    Map<String, String> extraLabels,
    Supplier<String> nameSuffixes) {

  public ReconcileOptions {
    extraLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraLabels));
  }
}
