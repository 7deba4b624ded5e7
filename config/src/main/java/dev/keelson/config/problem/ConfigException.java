package dev.keelson.config.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A config that cannot be used, with every problem found (not just the first). */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  /** Every problem, errors and warnings, in the order they were found. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems) {
    return problems.stream()
        .map(ConfigProblem::render)
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
