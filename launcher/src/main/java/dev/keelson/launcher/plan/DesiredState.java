package dev.keelson.launcher.plan;

import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.PaunchConfig;
import java.util.List;
import java.util.Map;

/**
 * The config to apply, with what the docker CLI read on the client side, where it is already known:
 * each entry's environment (env files read, bare {@code KEY}s looked up) and its {@code
 * security_opt} (seccomp profile files read). {@code Paunch} plans without them and reads them
 * afterwards for the containers the plan creates only, as the CLI read them only at {@code docker
 * run}.
 *
 * @param environments entry name to its {@code KEY=value} list
 * @param securityOpts entry name to its {@code security_opt} as sent to the engine; an entry not in
 *     it sends its own list as written
 */
public record DesiredState(
    PaunchConfig config,
    Map<String, List<String>> environments,
    Map<String, List<String>> securityOpts) {

  public DesiredState {
    environments = Map.copyOf(environments);
    securityOpts = Map.copyOf(securityOpts);
  }

  /** A config whose entries name no seccomp profile file. */
  public DesiredState(PaunchConfig config, Map<String, List<String>> environments) {
    this(config, environments, Map.of());
  }

  public List<String> environment(String entryName) {
    return environments.getOrDefault(entryName, List.of());
  }

  public List<String> securityOpt(ContainerSpec spec) {
    return securityOpts.getOrDefault(spec.name(), spec.host().securityOpt());
  }
}
