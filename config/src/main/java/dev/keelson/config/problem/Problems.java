package dev.keelson.config.problem;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems of one source while it is validated, so that the user sees all of them at
 * once. Not thread-safe: one collector per validation pass.
 */
public final class Problems {

  private final String file;
  private final List<ConfigProblem> found = new ArrayList<>();

  public Problems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void error(String path, String message, @Nullable SourceLocation location) {
    found.add(ConfigProblem.error(file, path, message, location));
  }

  public void warning(String path, String message, @Nullable SourceLocation location) {
    found.add(ConfigProblem.warning(file, path, message, location));
  }

  public void add(ConfigProblem problem) {
    found.add(problem);
  }

  public boolean hasErrors() {
    return found.stream().anyMatch(ConfigProblem::isError);
  }

  public List<ConfigProblem> all() {
    return List.copyOf(found);
  }

  public List<ConfigProblem> warnings() {
    return found.stream().filter(problem -> !problem.isError()).toList();
  }

  /** Throws every problem found (errors and warnings) if any of them is an error. */
  public void throwIfErrors() throws ConfigException {
    if (hasErrors()) {
      throw new ConfigException(found);
    }
  }
}
