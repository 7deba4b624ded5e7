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
 * @param pull which images to pull, and whether a moved tag replaces containers
 */
public record ReconcileOptions(
    String configId,
    String managedBy,
    Map<String, String> extraLabels,
    Supplier<String> nameSuffixes,
    PullPolicy pull) {

  public ReconcileOptions {
    extraLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraLabels));
  }

  /** paunch's pull behaviour: pull missing images. */
  public ReconcileOptions(
      String configId,
      String managedBy,
      Map<String, String> extraLabels,
      Supplier<String> nameSuffixes) {
    this(configId, managedBy, extraLabels, nameSuffixes, PullPolicy.MISSING);
  }
}
