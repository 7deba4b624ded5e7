package dev.keelson.launcher.apply;

import dev.keelson.launcher.observe.Labels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of {@code paunch apply}.
 *
 * @param labels the {@code --label} pairs in command-line order
 */
public record ApplyOptions(String configId, String managedBy, Map<String, String> labels) {

  public ApplyOptions {
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  public static ApplyOptions of(String configId) {
    return new ApplyOptions(configId, Labels.DEFAULT_MANAGED_BY, Map.of());
  }
}
