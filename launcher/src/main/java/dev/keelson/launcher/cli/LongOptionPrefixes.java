package dev.keelson.launcher.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Expands an abbreviated long option to the option it abbreviates, as argparse (paunch's parser,
 * {@code allow_abbrev}) does: {@code --config} means {@code --config-id} when no other option of
 * the command starts with it, and two candidates are a usage error ({@code ambiguous option: --con
 * could match --config-id, --container}). picocli's own abbreviations are not used: they also
 * accept non-prefixes ({@code --c-i}, {@code --conf-i} for {@code --config-id}), which argparse
 * refuses.
 */
final class LongOptionPrefixes {

  private LongOptionPrefixes() {}

  /**
   * {@code args} with every abbreviated long option written out in full, looked up among the
   * options of the command in force at its place (the top level until the subcommand's name).
   *
   * @throws ParameterException for an abbreviation that more than one option starts with
   */
  static String[] expand(CommandLine top, String[] args) {
    List<String> expanded = new ArrayList<>();
    CommandSpec command = top.getCommandSpec();
    boolean atTop = true;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        // everything after it is a positional parameter, for argparse as for picocli
        for (int rest = i; rest < args.length; rest++) {
          expanded.add(args[rest]);
        }
        break;
      }
      if (arg.startsWith("-") && arg.length() > 1) {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        OptionSpec option = command.findOption(name);
        if (option == null && name.startsWith("--")) {
          option = abbreviated(command, name);
          if (option != null) {
            arg = option.longestName() + (equals < 0 ? "" : arg.substring(equals));
          }
        }
        expanded.add(arg);
        if (option != null && equals < 0 && option.arity().min() > 0 && i + 1 < args.length) {
          expanded.add(args[++i]); // its value, whatever it looks like
        }
        continue;
      } else if (atTop && !arg.startsWith("-") && command.subcommands().containsKey(arg)) {
        command = command.subcommands().get(arg).getCommandSpec();
        atTop = false;
      }
      expanded.add(arg);
    }
    return expanded.toArray(String[]::new);
  }

  /** The option {@code name} is the unique prefix of a long name of; else null. */
  private static @Nullable OptionSpec abbreviated(CommandSpec command, String name) {
    Set<OptionSpec> matches = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (OptionSpec option : command.options()) {
      for (String candidate : option.names()) {
        if (candidate.startsWith("--") && candidate.startsWith(name)) {
          matches.add(option);
          names.add(candidate);
        }
      }
    }
    if (matches.size() > 1) {
      throw new ParameterException(
          command.commandLine(),
          "ambiguous option: " + name + " could match " + String.join(", ", names));
    }
    return matches.isEmpty() ? null : matches.iterator().next();
  }
}
