package dev.keelson.pilot.supervisor;

import dev.keelson.config.command.Command;
import dev.keelson.pilot.config.PilotConfig;
import java.util.Optional;

/**
 * What the command line asked for.
 *
 * @param configValue the {@code -config} value (or {@code CONTAINERPILOT}), re-read on SIGHUP;
 *     empty for a plain init
 * @param config the config as loaded at start ({@link PilotConfig#none()} for a plain init)
 * @param app the app command; empty means the pilot only runs its hooks and actors
 */
public record Launch(Optional<String> configValue, PilotConfig config, Optional<Command> app) {

  public boolean configured() {
    return configValue.isPresent();
  }
}
