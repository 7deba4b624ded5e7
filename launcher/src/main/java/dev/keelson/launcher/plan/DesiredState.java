package dev.keelson.launcher.plan;

import dev.keelson.launcher.spec.PaunchConfig;
import java.util.List;
import java.util.Map;

/**
 * The config to apply, with each entry's environment already resolved (env files read, bare {@code
 * KEY}s looked up), because the docker CLI did that on the client side.
 *
 * @param environments entry name to its {@code KEY=value} list
 */
public record DesiredState(PaunchConfig config, Map<String, List<String>> environments) {

  public DesiredState {
    environments = Map.copyOf(environments);
  }

  public List<String> environment(String entryName) {
    return environments.getOrDefault(entryName, List.of());
  }
}
