package dev.keelson.pilot.cli;

import dev.keelson.pilot.config.GoBool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses flags the way ContainerPilot's Go {@code flag} package does: one or two dashes, {@code
 * -config value} or {@code -config=value}, parsing stops at the first argument that is not a flag
 * (or after {@code --}) and everything from there on is the app command, passed through untouched.
 * Hand-written rather than picocli because single-dash long flags and stop-at-first-positional are
 * Go semantics, and because every class loaded here delays the app's start.
 */
final class ArgumentParser {

  /** A usage error: exit code 2, as Go's flag package. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private ArgumentParser() {}

  static Arguments parse(String... args) throws UsageException {
    Optional<String> config = Optional.empty();
    boolean version = false;
    boolean template = false;
    boolean help = false;
    int index = 0;
    while (index < args.length) {
      String arg = args[index];
      if (arg.equals("--")) {
        index++;
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        break;
      }
      String flag = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
      String inlineValue = null;
      int equals = flag.indexOf('=');
      if (equals >= 0) {
        inlineValue = flag.substring(equals + 1);
        flag = flag.substring(0, equals);
      }
      index++;
      switch (flag) {
        case "config" -> {
          if (inlineValue == null) {
            if (index >= args.length) {
              throw new UsageException("flag needs an argument: -config");
            }
            inlineValue = args[index++];
          }
          config = Optional.of(inlineValue);
        }
        case "version" -> version = booleanValue(flag, inlineValue);
        case "template" -> template = booleanValue(flag, inlineValue);
        case "h", "help" -> help = true;
        default -> throw new UsageException("flag provided but not defined: -" + flag);
      }
    }
    List<String> app = new ArrayList<>(List.of(args).subList(index, args.length));
    return new Arguments(config, version, template, help, app);
  }

  private static boolean booleanValue(String flag, @Nullable String value) throws UsageException {
    // as Go's flag package read ContainerPilot's booleans; a bare flag is true
    if (value == null) {
      return true;
    }
    Optional<Boolean> parsed = GoBool.parse(value);
    if (parsed.isEmpty()) {
      throw new UsageException("invalid boolean value \"" + value + "\" for -" + flag);
    }
    return parsed.get();
  }

  static String usage() {
    return String.join(
        System.lineSeparator(),
        "Usage: pilot [-config file:///path/app.json | -config '<json>'] [-template] [-version] [--] [app args...]",
        "  -config    ContainerPilot 2.0.1 config: file://<path> or inline JSON (default: $CONTAINERPILOT)",
        "  -template  render the config's {{.VAR}} templates, print it and exit",
        "  -version   print the version and exit",
        "Without a config, pilot is a plain init: it runs the app, forwards signals, reaps zombies",
        "and exits with the app's exit code.");
  }
}
