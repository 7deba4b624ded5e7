package dev.keelson.launcher.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
    description = "Apply container configs idempotently through the Docker Engine API.")
final class PaunchCommand implements Callable<Integer> {

  /**
   * The commands by their {@code @Command} name, in the order the usage lists them. They are
   * registered by {@link Main#run}, not in {@code @Command}: picocli reflects over every registered
   * command before it parses, and a run needs only the one it names.
   */
  static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("apply", ApplyCommand::new);
    commands.put("state", StateCommand::new);
    commands.put("watch", WatchCommand::new);
    commands.put("cleanup", CleanupCommand::new);
    commands.put("delete", DeleteCommand::new);
    commands.put("list", ListCommand::new);
    commands.put("debug", DebugCommand::new);
    return Collections.unmodifiableMap(commands);
  }

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
