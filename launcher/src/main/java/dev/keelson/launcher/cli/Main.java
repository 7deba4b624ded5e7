package dev.keelson.launcher.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code paunch}; {@link #run} is the test seam, {@link #main} only exits. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs {@code paunch} with {@code args}, printing to {@code out}/{@code err}; returns the exit
   * code: 0 success, 1 failure, 2 usage error, or the status of the last failed container run.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    PaunchCommand paunch = new PaunchCommand();
    CommandLine commandLine = new CommandLine(paunch);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new FailureHandler(paunch));
    commandLine.setExecutionStrategy(
        parseResult -> {
          paunch.configureLogging();
          return new CommandLine.RunLast().execute(parseResult);
        });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
