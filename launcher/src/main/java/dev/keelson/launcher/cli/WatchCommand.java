package dev.keelson.launcher.cli;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.launcher.apply.ApplyOptions;
import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.HostLock;
import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.engine.EngineException;
import dev.keelson.launcher.plan.Plan;
import dev.keelson.launcher.plan.TargetState;
import dev.keelson.launcher.spec.Durations;
import dev.keelson.launcher.spec.PaunchConfig;
import java.io.PrintWriter;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code paunch watch}: a reconcile loop like container-agent's. Each interval it re-reads the
 * files, applies them and starts exited detached containers ({@code state started}). A bad file is
 * reported and the last good config stays in force; SIGTERM/SIGINT end the loop between rounds.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Re-read config files every interval and reconcile a config id with them.")
final class WatchCommand implements Callable<Integer> {

  /** How long a shutdown waits for the round in progress before the JVM goes anyway. */
  private static final long SHUTDOWN_GRACE_SECONDS = 60;

  @Spec @Nullable CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Mixin ParallelOption parallel = new ParallelOption();

  @Mixin LockOption lock = new LockOption();

  @Option(
      names = "--file",
      required = true,
      paramLabel = "<glob>",
      description = "Config file, or a glob in its last part (e.g. /etc/paunch/*.yaml).")
  String pattern = "";

  @Option(
      names = "--config-id",
      required = true,
      paramLabel = "<name>",
      description = "Config id to reconcile.")
  @Nullable String configId;

  @Option(
      names = "--interval",
      paramLabel = "<duration>",
      description = "Time between rounds, e.g. 5s, 500ms (default: ${DEFAULT-VALUE}).")
  String interval = "5s";

  @Mixin LabelOption labels = new LabelOption();

  @Option(
      names = "--syslog",
      description =
          "Also send every line to syslog (facility daemon, tag paunch) through util-linux's"
              + " logger; PAUNCH_SYSLOG_SOCKET names another socket than /dev/log.")
  boolean syslog;

  @ParentCommand @Nullable PaunchCommand parent;

  /** The config problems last printed, so a file that stays bad is reported once. */
  private final ChangedTextPrinter problems = new ChangedTextPrinter();

  /** Likewise the warnings of the files read. */
  private final ChangedTextPrinter warnings = new ChangedTextPrinter();

  /** The config the last round that reached the engine applied; see {@link OneShots}. */
  private @Nullable PaunchConfig lastApplied;

  private int rounds;

  @Override
  public Integer call() {
    CommandSpec command = Cli.spec(spec);
    OptionalLong nanos = Durations.toNanos(interval);
    if (nanos.isEmpty() || nanos.getAsLong() <= 0) {
      throw new ParameterException(
          command.commandLine(), "--interval must be a positive duration, not '" + interval + "'");
    }
    ApplyOptions options =
        new ApplyOptions(Cli.required(configId), engine.managedBy, labels.pairs());
    int workers = parallel.value();
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    if (!syslog) {
      return loop(nanos.getAsLong(), options, workers, stdout, stderr);
    }
    try (SyslogSink sink = SyslogSink.start(System.getenv(), stderr);
        PrintWriter out = sink.tee(stdout, SyslogSink.INFO);
        PrintWriter err = sink.tee(stderr, SyslogSink.WARNING)) {
      return loop(nanos.getAsLong(), options, workers, out, err);
    }
  }

  /** Rounds every {@code nanos} until SIGTERM or SIGINT; what they do goes to out and err. */
  private int loop(
      long nanos, ApplyOptions options, int workers, PrintWriter out, PrintWriter err) {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> awaitLoopEnd(stop, stopped), "paunch-watch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Paunch paunch = engine.open().parallelism(workers)) {
      PaunchConfig lastGood = null;
      do {
        lastGood = round(paunch, options, lastGood, out, err);
      } while (!stop.await(nanos, TimeUnit.NANOSECONDS));
      err.println("paunch: watch stopped");
      err.flush();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      stopped.countDown();
      removeHook(hook);
    }
  }

  /**
   * One reconcile round; returns the config now in force. Nothing a round meets ends the loop: what
   * it did not expect (a lock file it cannot create, a bug) is reported like an unreachable engine,
   * and the next round tries again.
   */
  private @Nullable PaunchConfig round(
      Paunch paunch,
      ApplyOptions options,
      @Nullable PaunchConfig lastGood,
      PrintWriter out,
      PrintWriter err) {
    rounds++;
    try {
      return reconcile(paunch, options, lastGood, out, err);
    } catch (RuntimeException e) {
      FailureHandler.print(e, err, debug());
      return lastGood;
    } finally {
      // Not a static logger: this class loads before LogSetup has set the level.
      LoggerFactory.getLogger("paunch").debug("watch round {} done", rounds);
    }
  }

  @SuppressWarnings("try") // the lock is held for the block's extent
  private @Nullable PaunchConfig reconcile(
      Paunch paunch,
      ApplyOptions options,
      @Nullable PaunchConfig lastGood,
      PrintWriter out,
      PrintWriter err) {
    PaunchConfig config = lastGood;
    try {
      config = WatchedFiles.read(pattern);
      problems.reset();
      warnings.print(String.join("\n", ConfigFiles.warningLines(config)), err);
    } catch (ConfigException e) {
      StringBuilder text = new StringBuilder();
      for (ConfigProblem problem : e.problems()) {
        text.append("error: ").append(problem.render()).append('\n');
      }
      text.append("paunch: ")
          .append(lastGood == null ? "nothing applied yet" : "keeping the last good config")
          .append(" until the files are fixed");
      problems.print(text.toString(), err);
    }
    if (config == null) {
      return null;
    }
    try (HostLock held = lock.acquire(err)) {
      Plan plan = paunch.planState(TargetState.STARTED, config, options);
      if (lastApplied != null && OneShots.sameEntries(config, lastApplied)) {
        plan =
            OneShots.skip(plan, config, options.configId(), () -> paunch.engine().listContainers());
      }
      ApplyReport report = paunch.execute(plan);
      if (report.ranToTheEnd()) {
        // a round cut short (a lost engine, a failed pull) may not have run its one-shots: the
        // next round runs them
        lastApplied = config;
      }
      if (!report.outcomes().isEmpty()) {
        Reports.printFailures(report, err);
        out.println(Reports.text(report));
        out.flush();
      }
      return config;
    } catch (ConfigException e) {
      FailureHandler.print(e, err, debug());
      return lastGood;
    } catch (EngineException e) {
      // The engine may come back; the next round converges from the labels.
      FailureHandler.print(e, err, debug());
      return config;
    }
  }

  private boolean debug() {
    return parent != null && parent.debug;
  }

  private static void awaitLoopEnd(CountDownLatch stop, CountDownLatch stopped) {
    stop.countDown();
    try {
      stopped.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is what ended the loop.
    }
  }
}
