package dev.keelson.launcher.engine;

import dev.keelson.launcher.spec.ContainerSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container to create.
 *
 * @param labels in paunch's order (the engine stores a map, but the order shows up in logs)
 * @param environment resolved {@code KEY=value} entries; the spec's own list is not used
 */
public record ContainerRequest(
    String name, Map<String, String> labels, ContainerSpec spec, List<String> environment) {

  public ContainerRequest {
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    environment = List.copyOf(environment);
  }
}
