package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.ApplyOptions;
import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.spec.PaunchConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paunch apply}: make the engine match a config file for one config id. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Apply the containers of a config file under a config id.")
final class ApplyCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Option(
      names = "--file",
      required = true,
      paramLabel = "<file>",
      description = "YAML or JSON config.")
  @Nullable Path file;

  @Option(
      names = "--config-id",
      required = true,
      paramLabel = "<name>",
      description = "Config id to apply under.")
  @Nullable String configId;

  @Option(
      names = "--label",
      paramLabel = "<label=value>",
      description = "Extra container label (repeatable).")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--container-log-path",
      paramLabel = "<dir>",
      description = "Accepted for compatibility; used by the podman runtime only.")
  @Nullable String containerLogPath;

  @Override
  public Integer call() throws Exception {
    CommandSpec command = Cli.spec(spec);
    PaunchConfig config = ConfigFiles.read(Cli.required(file), command.commandLine().getErr());
    ApplyOptions options =
        new ApplyOptions(Cli.required(configId), engine.managedBy, LabelPairs.parse(labels));
    try (Paunch paunch = engine.open()) {
      ApplyReport report = paunch.apply(config, options);
      Reports.printFailures(report, command.commandLine().getErr());
      return report.exitCode();
    }
  }
}
