package dev.keelson.launcher.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code paunch} command and paunch's global options. */
@Command(
    name = "paunch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Apply container configs idempotently through the Docker Engine API.",
    subcommands = {
      ApplyCommand.class,
      StateCommand.class,
      WatchCommand.class,
      CleanupCommand.class,
      DeleteCommand.class,
      ListCommand.class,
      DebugCommand.class
    })
final class PaunchCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "More output; repeat for more (-vv shows every engine call).")
  boolean[] verbose = new boolean[0];

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Only warnings and errors.")
  boolean quiet;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show engine calls and stack traces of errors.")
  boolean debug;

  @Option(
      names = "--log-file",
      scope = ScopeType.INHERIT,
      paramLabel = "LOG_FILE",
      description = "Write log messages to this file instead of stderr.")
  @Nullable String logFile;

  /** With no command, paunch's cliff shell read commands from stdin; we show the usage instead. */
  @Override
  public Integer call() {
    if (spec != null) {
      spec.commandLine().usage(spec.commandLine().getErr());
    }
    return 2;
  }

  void configureLogging() {
    LogSetup.configure(quiet ? 0 : 1 + verbose.length, debug, logFile);
  }
}
