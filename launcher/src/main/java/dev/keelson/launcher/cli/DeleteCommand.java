package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.HostLock;
import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.apply.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code paunch delete}: remove every container of the given config ids. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete the containers of the given config ids.")
final class DeleteCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Mixin ParallelOption parallel = new ParallelOption();

  @Mixin LockOption lock = new LockOption();

  @Parameters(paramLabel = "<config_id>", arity = "0..*", description = "Config ids to delete.")
  List<String> configIds = new ArrayList<>();

  // The host lock is held for the try block's extent only, so javac sees an unused resource.
  @SuppressWarnings("try")
  @Override
  public Integer call() {
    if (configIds.isEmpty()) {
      LoggerFactory.getLogger("paunch").warn("No config IDs specified");
      // every run ends with its summary line, this one too
      Cli.spec(spec).commandLine().getOut().println(Summary.of(ApplyReport.empty()));
      return 0;
    }
    int workers = parallel.value();
    try (Paunch paunch = engine.open().parallelism(workers);
        HostLock held = lock.acquire(Cli.spec(spec).commandLine().getErr())) {
      ApplyReport report = paunch.delete(configIds, engine.managedBy);
      Reports.printFailures(report, Cli.spec(spec).commandLine().getErr());
      Cli.spec(spec).commandLine().getOut().println(Reports.text(report));
      return report.failures().isEmpty() ? 0 : FailureHandler.FAILURE;
    }
  }
}
