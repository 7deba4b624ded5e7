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
 * @param securityOpt the security options as sent to the engine (a seccomp profile file already
 *     replaced by its JSON); the spec's own list is not used
 */
public record ContainerRequest(
    String name,
    Map<String, String> labels,
    ContainerSpec spec,
    List<String> environment,
    List<String> securityOpt) {

  public ContainerRequest {
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    environment = List.copyOf(environment);
    securityOpt = List.copyOf(securityOpt);
  }

  /** A request whose security options are the spec's own (they name no profile file). */
  public ContainerRequest(
      String name, Map<String, String> labels, ContainerSpec spec, List<String> environment) {
    this(name, labels, spec, environment, spec.host().securityOpt());
  }
}
