package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.HostLock;
import dev.keelson.launcher.apply.Paunch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code paunch cleanup}: remove every config id not listed, then rename survivors back. */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description = "Delete the containers of every config id not listed; rename the rest back.")
final class CleanupCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Mixin ParallelOption parallel = new ParallelOption();

  @Mixin LockOption lock = new LockOption();

  @Parameters(paramLabel = "<config_id>", arity = "0..*", description = "Config ids to keep.")
  List<String> keep = new ArrayList<>();

  // The host lock is held for the try block's extent only, so javac sees an unused resource.
  @SuppressWarnings("try")
  @Override
  public Integer call() {
    int workers = parallel.value();
    try (Paunch paunch = engine.open().parallelism(workers);
        HostLock held = lock.acquire(Cli.spec(spec).commandLine().getErr())) {
      ApplyReport report = paunch.cleanup(keep, engine.managedBy);
      Reports.printFailures(report, Cli.spec(spec).commandLine().getErr());
      Cli.spec(spec).commandLine().getOut().println(Reports.text(report));
      return report.failures().isEmpty() ? 0 : FailureHandler.FAILURE;
    }
  }
}
