package dev.keelson.launcher.cli;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one clear message on stderr and exit status 1; the stack trace only
 * with {@code --debug}. Config problems are printed one per line, each naming file, position,
 * container and key.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  static final int FAILURE = 1;

  private final PaunchCommand paunch;

  FailureHandler(PaunchCommand paunch) {
    this.paunch = paunch;
  }

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, ParseResult parseResult) {
    print(failure, commandLine.getErr(), paunch.debug);
    return FAILURE;
  }

  /**
   * The message for {@code failure}: a config's problems one per line, else {@code paunch:} and the
   * exception's message (its name when it has none); the stack trace only when {@code debug}.
   */
  static void print(Exception failure, PrintWriter err, boolean debug) {
    if (failure instanceof ConfigException config) {
      for (ConfigProblem problem : config.problems()) {
        err.println((problem.isError() ? "error: " : "warning: ") + problem.render());
      }
    } else {
      err.println(
          "paunch: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    }
    if (debug) {
      failure.printStackTrace(err);
    }
    err.flush();
  }
}
