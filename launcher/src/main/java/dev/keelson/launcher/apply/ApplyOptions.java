package dev.keelson.launcher.apply;

import dev.keelson.launcher.observe.Labels;
import dev.keelson.launcher.plan.PullPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of {@code paunch apply}.
 *
 * @param labels the {@code --label} pairs in command-line order
 * @param pull {@code --pull}
 */
public record ApplyOptions(
    String configId, String managedBy, Map<String, String> labels, PullPolicy pull) {

  public ApplyOptions {
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** With paunch's pull behaviour: pull missing images. */
  public ApplyOptions(String configId, String managedBy, Map<String, String> labels) {
    this(configId, managedBy, labels, PullPolicy.MISSING);
  }

  public static ApplyOptions of(String configId) {
    return new ApplyOptions(configId, Labels.DEFAULT_MANAGED_BY, Map.of());
  }
}
