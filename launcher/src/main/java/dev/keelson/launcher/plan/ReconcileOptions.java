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
 * @param state the state the apply is part of ({@link TargetState#RELOADED} for {@code apply}),
 *     which decides what becomes of containers created and never started
 */
public record ReconcileOptions(
    String configId,
    String managedBy,
    Map<String, String> extraLabels,
    Supplier<String> nameSuffixes,
    PullPolicy pull,
    TargetState state) {

  public ReconcileOptions {
    extraLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraLabels));
  }

  /** For {@code apply}. */
  public ReconcileOptions(
      String configId,
      String managedBy,
      Map<String, String> extraLabels,
      Supplier<String> nameSuffixes,
      PullPolicy pull) {
    this(configId, managedBy, extraLabels, nameSuffixes, pull, TargetState.RELOADED);
  }

  /** For {@code apply}, with paunch's pull behaviour: pull missing images. */
  public ReconcileOptions(
      String configId,
      String managedBy,
      Map<String, String> extraLabels,
      Supplier<String> nameSuffixes) {
    this(configId, managedBy, extraLabels, nameSuffixes, PullPolicy.MISSING);
  }
}
