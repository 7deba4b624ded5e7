package dev.keelson.launcher.apply;

import dev.keelson.config.problem.Problems;
import dev.keelson.launcher.spec.ContainerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a container's environment as the docker CLI did for paunch: the {@code env_file} lines
 * first, then {@code environment}. A bare {@code KEY} takes the caller's value when the caller has
 * one. When it has none, the CLI treats the two differently, and so do we: an env-file line is
 * dropped, while an {@code --env KEY} is sent as the bare {@code KEY}, which makes the engine
 * remove the image's default for it. Reading the files before the plan is carried out is what lets
 * a missing env file stop the run before anything changes.
 */
final class EnvironmentResolver {

  private final Map<String, String> callerEnvironment;

  EnvironmentResolver(Map<String, String> callerEnvironment) {
    this.callerEnvironment = Map.copyOf(callerEnvironment);
  }

  List<String> resolve(ContainerSpec spec, Problems problems) {
    List<String> environment = new ArrayList<>();
    for (String envFile : spec.process().envFiles()) {
      readEnvFile(spec.name(), Path.of(envFile), environment, problems);
    }
    for (String variable : spec.process().environment()) {
      add(variable, environment, true);
    }
    return environment;
  }

  private void readEnvFile(String name, Path file, List<String> environment, Problems problems) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.error(name + ".env_file", "cannot read " + file + ": no such file", null);
      return;
    } catch (IOException e) {
      problems.error(name + ".env_file", "cannot read " + file + ": " + e.getMessage(), null);
      return;
    }
    int lineNumber = 0;
    for (String line : lines) {
      lineNumber++;
      String trimmed = line.stripLeading();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String key = trimmed.split("=", 2)[0];
      if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
        problems.error(
            name + ".env_file",
            file + " line " + lineNumber + ": '" + key + "' is not a variable name",
            null);
        continue;
      }
      add(trimmed, environment, false);
    }
  }

  /**
   * @param keepUnset whether a bare name the caller has no value for is sent as it is (the CLI's
   *     {@code --env}) rather than dropped (its env-file reader)
   */
  private void add(String variable, List<String> environment, boolean keepUnset) {
    if (variable.contains("=")) {
      environment.add(variable);
      return;
    }
    String value = callerEnvironment.get(variable);
    if (value != null) {
      environment.add(variable + "=" + value);
    } else if (keepUnset) {
      environment.add(variable);
    }
  }
}
