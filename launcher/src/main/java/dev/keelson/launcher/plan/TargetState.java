package dev.keelson.launcher.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The states {@code paunch state} can bring a config id's containers to, named as the Ansible
 * docker modules name them.
 */
public enum TargetState {
  /** Created from the config; new containers are not started. */
  PRESENT,
  /** Applied (when a config is given), then every detached container not running is started. */
  STARTED,
  /** The same as {@code apply}. */
  RELOADED,
  /** Applied (when a config is given), then every kept detached container is restarted. */
  RESTARTED,
  /** Every running container is stopped (with its stop signal and grace period). */
  STOPPED,
  /** Every running container is killed. */
  KILLED,
  /** Every container is removed, as {@code delete}. */
  ABSENT;

  /** Whether the config file is needed; the others act on the containers the config id has. */
  public boolean needsConfig() {
    return this == PRESENT || this == RELOADED;
  }

  /** Whether a config, when given, is applied first; the others refuse one. */
  public boolean appliesConfig() {
    return this == PRESENT || this == STARTED || this == RELOADED || this == RESTARTED;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TargetState> of(String word) {
    return Arrays.stream(values()).filter(state -> state.word().equals(word)).findFirst();
  }
}
