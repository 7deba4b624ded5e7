package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.Paunch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paunch list}: the containers of every config id of one owner. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the containers of every config id.")
final class ListCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "<formatter>",
      description = "table, json, yaml, csv or value (default: ${DEFAULT-VALUE}).")
  String format = "table";

  @Option(
      names = {"-c", "--column"},
      paramLabel = "COLUMN",
      description =
          "Show this column (repeatable; shown in the table's order): config, container, image,"
              + " command, status.")
  List<String> columns = new ArrayList<>();

  @Override
  public Integer call() {
    try {
      // Checked before the engine is asked (cliff checked after listing, which changes nothing).
      ListFormat.selected(columns);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(String.valueOf(e.getMessage()));
    }
    ListFormat listFormat;
    try {
      listFormat = ListFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          Cli.spec(spec).commandLine(),
          "argument -f/--format: invalid choice: '"
              + format
              + "' (choose from 'csv', 'json', 'table', 'value', 'yaml')");
    }
    try (Paunch paunch = engine.open()) {
      Cli.spec(spec)
          .commandLine()
          .getOut()
          .println(listFormat.render(paunch.list(engine.managedBy), columns));
      return 0;
    }
  }
}
