package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.PlanExecutor;
import picocli.CommandLine.Option;

/** {@code --parallel N}, for the commands that change containers. */
final class ParallelOption {

  @Option(
      names = "--parallel",
      paramLabel = "<n>",
      description =
          "Create, start or remove up to n independent containers at a time; 1 acts one by one as"
              + " paunch did (default: ${DEFAULT-VALUE}).")
  int parallel = PlanExecutor.DEFAULT_PARALLELISM;

  /** Checked before the engine is opened, so a bad value changes nothing. */
  int value() {
    if (parallel < 1) {
      throw new CliFailure("--parallel must be at least 1, not " + parallel);
    }
    return parallel;
  }
}
