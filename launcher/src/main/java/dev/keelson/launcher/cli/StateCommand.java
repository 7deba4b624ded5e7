package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.ApplyOptions;
import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.HostLock;
import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.plan.TargetState;
import dev.keelson.launcher.spec.PaunchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paunch state <state>}: bring one config id's containers to a state. A command of its own,
 * so paunch's five keep their exact flags.
 */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description =
        "Bring a config id's containers to a state: present, started, reloaded, restarted,"
            + " stopped, killed or absent.")
final class StateCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Mixin ParallelOption parallel = new ParallelOption();

  @Mixin LockOption lock = new LockOption();

  @Parameters(index = "0", paramLabel = "<state>", description = "The state to reach.")
  String state = "";

  @Option(
      names = "--config-id",
      required = true,
      paramLabel = "<name>",
      description = "Config id whose containers to act on.")
  @Nullable String configId;

  @Option(
      names = "--file",
      paramLabel = "<file>",
      description =
          "YAML or JSON config; needed by present and reloaded, applied first by started and"
              + " restarted, refused by stopped, killed and absent.")
  @Nullable Path file;

  @Mixin LabelOption labels = new LabelOption();

  @Option(names = "--dry-run", description = "Print the plan with reasons; change nothing.")
  boolean dryRun;

  @Mixin FormatOption format = new FormatOption();

  // The host lock is held for the try block's extent only, so javac sees an unused resource.
  @SuppressWarnings("try")
  @Override
  public Integer call() throws Exception {
    CommandSpec command = Cli.spec(spec);
    TargetState target =
        TargetState.of(state)
            .orElseThrow(
                () ->
                    new ParameterException(
                        command.commandLine(),
                        "<state> must be present, started, reloaded, restarted, stopped, killed"
                            + " or absent, not '"
                            + state
                            + "'"));
    format.check(command);
    if (target.needsConfig() && file == null) {
      throw new ParameterException(
          command.commandLine(), "state " + target.word() + " needs --file");
    }
    if (!target.appliesConfig() && file != null) {
      throw new ParameterException(
          command.commandLine(),
          "state " + target.word() + " acts on the config id's containers; it takes no --file");
    }
    PrintWriter out = command.commandLine().getOut();
    PaunchConfig config =
        file == null ? null : ConfigFiles.read(file, command.commandLine().getErr());
    ApplyOptions options =
        new ApplyOptions(Cli.required(configId), engine.managedBy, labels.pairs());
    int workers = parallel.value();
    try (Paunch paunch = engine.open().parallelism(workers)) {
      if (dryRun) {
        out.println(format.plan(paunch.planState(target, config, options)));
        return 0;
      }
      try (HostLock held = lock.acquire(command.commandLine().getErr())) {
        ApplyReport report = paunch.execute(paunch.planState(target, config, options));
        Reports.printFailures(report, command.commandLine().getErr());
        out.println(format.report(report));
        return report.exitCode();
      }
    }
  }
}
