package dev.keelson.pilot.process;

import dev.keelson.config.command.Command;
import java.util.Map;

/**
 * What to start.
 *
 * @param name what logs and events call it: {@code app}, {@code preStart}, {@code health:web}
 * @param extraEnvironment added to the pilot's own environment, which the child inherits
 */
public record ProcessSpec(
    String name, Command command, Stdio stdio, Map<String, String> extraEnvironment) {

  public ProcessSpec {
    extraEnvironment = Map.copyOf(extraEnvironment);
  }

  public static ProcessSpec app(Command command) {
    return new ProcessSpec("app", command, Stdio.INHERIT, Map.of());
  }

  public static ProcessSpec hook(String name, Command command) {
    return new ProcessSpec(name, command, Stdio.NO_STDIN, Map.of());
  }
}
