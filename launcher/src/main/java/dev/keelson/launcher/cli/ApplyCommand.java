package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.ApplyOptions;
import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.HostLock;
import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.plan.Plan;
import dev.keelson.launcher.plan.PullPolicy;
import dev.keelson.launcher.spec.PaunchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
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

  @Mixin ParallelOption parallel = new ParallelOption();

  @Mixin LockOption lock = new LockOption();

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

  @Mixin LabelOption labels = new LabelOption();

  @Option(
      names = "--container-log-path",
      paramLabel = "<dir>",
      description =
          "Accepted for compatibility and ignored (paunch 4.3.0 logged podman containers there).")
  @Nullable String containerLogPath;

  @Option(names = "--dry-run", description = "Print the plan with reasons; change nothing.")
  boolean dryRun;

  @Mixin FormatOption format = new FormatOption();

  @Option(
      names = "--pull",
      paramLabel = "<policy>",
      description = "When to pull images: missing, always or never (default: ${DEFAULT-VALUE}).")
  String pull = "missing";

  // The host lock is held for the try block's extent only, so javac sees an unused resource.
  @SuppressWarnings("try")
  @Override
  public Integer call() throws Exception {
    CommandSpec command = Cli.spec(spec);
    format.check(command);
    PrintWriter out = command.commandLine().getOut();
    PaunchConfig config = ConfigFiles.read(Cli.required(file), command.commandLine().getErr());
    PullPolicy pullPolicy =
        PullPolicy.parse(pull)
            .orElseThrow(
                () ->
                    new picocli.CommandLine.ParameterException(
                        command.commandLine(),
                        "--pull must be missing, always or never, not '" + pull + "'"));
    ApplyOptions options =
        new ApplyOptions(Cli.required(configId), engine.managedBy, labels.pairs(), pullPolicy);
    PrintWriter err = command.commandLine().getErr();
    int workers = parallel.value();
    try (Paunch paunch =
        engine
            .open(new PullProgressPrinter(err, PullProgressPrinter.onTerminal()))
            .parallelism(workers)) {
      if (dryRun) {
        Plan plan = paunch.previewApply(config, options);
        out.println(format.plan(plan));
        return 0;
      }
      // Observe and act under one lock, so a concurrent run plans from what this one left.
      try (HostLock held = lock.acquire(err)) {
        Plan plan = paunch.planApply(config, options);
        ApplyReport report = paunch.execute(plan, config, options);
        Reports.printFailures(report, err);
        out.println(format.report(report));
        return report.exitCode();
      }
    }
  }
}
