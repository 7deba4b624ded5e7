package dev.keelson.launcher.cli;

import dev.keelson.launcher.engine.ClientWarmUp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** Entry point of {@code paunch}; {@link #run} is the test seam, {@link #main} only exits. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (talksToEngine(args)) {
      ClientWarmUp.startInBackground();
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    if (code != 0) {
      dropClassList();
    }
    System.exit(code);
  }

  /**
   * A run that failed (bad input, no engine) loaded too little of paunch for an archive built from
   * its class list to be worth having; {@code bin/paunch} records the list only on a run it passes
   * {@code paunch.classlist} to. The JVM keeps writing to the deleted file until it exits.
   */
  private static void dropClassList() {
    String list = System.getProperty("paunch.classlist");
    if (list != null) {
      try {
        Files.deleteIfExists(Path.of(list));
      } catch (IOException | RuntimeException e) {
        // the list stays, and only makes a smaller archive
      }
    }
  }

  /**
   * Whether the command named by {@code args} reaches the engine: its first word that is not an
   * option (or the value of {@code --log-file}) names a command (they all do; {@code debug} may
   * only print, but usually runs). {@code --help} and {@code --version} alone do not, and should
   * not pay for the engine client.
   */
  static boolean talksToEngine(String... args) {
    return namedCommand(args) != null;
  }

  /**
   * The command {@code args} name: their first word that is neither an option nor {@code
   * --log-file}'s value, when it is one of {@link PaunchCommand#COMMANDS}; else null.
   */
  private static @Nullable Supplier<Object> namedCommand(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--log-file")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return PaunchCommand.COMMANDS.get(arg);
      }
    }
    return null;
  }

  /**
   * Runs {@code paunch} with {@code args}, printing to {@code out}/{@code err}; returns the exit
   * code: 0 success, 1 failure, 2 usage error, or the status of the last failed container run.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    PaunchCommand paunch = new PaunchCommand();
    CommandLine commandLine = new CommandLine(paunch);
    @Nullable Supplier<Object> named = namedCommand(args);
    if (named != null) {
      commandLine.addSubcommand(named.get());
    } else {
      // no command, or an unknown one: the usage (or the error) lists them all
      PaunchCommand.COMMANDS.forEach(
          (name, command) -> commandLine.addSubcommand(name, command.get()));
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new FailureHandler(paunch));
    commandLine.setExecutionStrategy(
        parseResult -> {
          paunch.configureLogging();
          ClientWarmUp.loggingConfigured();
          return new CommandLine.RunLast().execute(parseResult);
        });
    int code;
    try {
      code = commandLine.execute(LongOptionPrefixes.expand(commandLine, args));
    } catch (CommandLine.ParameterException e) {
      code = new UsageErrorHandler().handleParseException(e, args);
    }
    out.flush();
    err.flush();
    return code;
  }
}
