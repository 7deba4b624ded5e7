package dev.keelson.pilot.supervisor;

import dev.keelson.config.command.Command;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.template.Environment;
import dev.keelson.pilot.config.PilotConfig;
import dev.keelson.pilot.config.PilotConfigLoader;
import dev.keelson.pilot.event.Actor;
import dev.keelson.pilot.event.Event;
import dev.keelson.pilot.event.EventBus;
import dev.keelson.pilot.event.EventCode;
import dev.keelson.pilot.job.ActorFactory;
import dev.keelson.pilot.log.PilotLogging;
import dev.keelson.pilot.process.ChildProcess;
import dev.keelson.pilot.process.ExitStatus;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.pilot.process.ProcessSpec;
import dev.keelson.pilot.process.SpawnException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor: one thread that consumes the bus and drives the lifecycle of ContainerPilot 2.0.1
 * (preStart, app, SIGTERM → deregister, preStop, TERM/KILL, postStop) as a state machine. It never
 * blocks on a process: every process reports its end as an event, so a second SIGTERM, a SIGHUP or
 * a forwarded signal is handled at any point (defects D5, D6 cannot happen). Reaping runs on its
 * own thread and is never switched off (D4).
 */
public final class Pilot {

  /**
   * Looked up on use, not at class initialisation: SLF4J's service lookup then happens after the
   * app has been started, off its start path.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(Pilot.class);
  }

  private static final Duration BEFORE_STOP_TIMEOUT = Duration.ofSeconds(10);
  static final String APP = "app";
  static final String PRE_START = "preStart";
  static final String PRE_STOP = "preStop";
  static final String POST_STOP = "postStop";
  static final String STOP_TIMER = "stopTimeout";

  /** Where the lifecycle is; each event is interpreted against it. */
  enum Phase {
    PRE_START,
    RUNNING,
    STOPPING,
    TERMINATING,
    POST_STOP
  }

  private final Launch launch;
  private final ProcessLauncher processes;
  private final EventBus bus;
  private final EventBus.Subscription inbox;
  private final ActorFactory actorFactory;
  private final Supplier<Environment> environment;
  private final Runnable firstSpawnHook;
  private @Nullable ScheduledExecutorService timers;

  private PilotConfig config;
  private Phase phase = Phase.PRE_START;
  private @Nullable ChildProcess app;
  private @Nullable ExitStatus appStatus;
  private @Nullable ChildProcess hook;
  private @Nullable ScheduledFuture<?> killTimer;
  private List<Actor> actors = List.of();
  private boolean maintenance;
  private boolean stopRequested;
  private boolean spawnedOnce;
  private int exitCode;

  /**
   * Creates the supervisor; nothing runs until {@link #run}.
   *
   * @param inbox subscribed to {@code bus} before anything could publish (signals included)
   * @param environment the process environment at the time of a reload
   * @param firstSpawnHook runs once, right after the first process was started (loads the native
   *     layer off the app's start path)
   */
  public Pilot(
      Launch launch,
      ProcessLauncher processes,
      EventBus bus,
      EventBus.Subscription inbox,
      ActorFactory actorFactory,
      Supplier<Environment> environment,
      Runnable firstSpawnHook) {
    this.launch = launch;
    this.processes = processes;
    this.bus = bus;
    this.inbox = inbox;
    this.actorFactory = actorFactory;
    this.environment = environment;
    this.firstSpawnHook = firstSpawnHook;
    this.config = launch.config();
  }

  /** Runs the whole lifecycle; returns the exit code for the pilot. */
  public int run() throws InterruptedException {
    if (config.preStart().isPresent()) {
      startHook(PRE_START, config.preStart().get());
    } else {
      startApp();
    }
    while (true) {
      Event event = inbox.take();
      if (handle(event) == Step.EXIT) {
        stopActors();
        ScheduledExecutorService scheduled = timers;
        if (scheduled != null) {
          scheduled.shutdownNow();
        }
        bus.publish(Event.of(EventCode.SHUTDOWN, "pilot"));
        return exitCode;
      }
    }
  }

  enum Step {
    CONTINUE,
    EXIT
  }

  Step handle(Event event) {
    return switch (event.code()) {
      case SIGNAL -> onSignal(event.source(), event.value());
      case EXIT_SUCCESS, EXIT_FAILED -> onExit(event.source(), event.value());
      case TIMER_EXPIRED -> onTimer(event.source());
      default -> Step.CONTINUE;
    };
  }

  private Step onSignal(String name, int number) {
    SignalAction action = SignalPolicy.decide(name, launch.configured(), launch.app().isPresent());
    log().debug("received SIG{}: {}", name, action);
    switch (action) {
      case TERMINATE -> {
        return onTerminate();
      }
      case RELOAD -> reload();
      case TOGGLE_MAINTENANCE -> toggleMaintenance();
      case FORWARD -> forward(name, number);
      case REAP, IGNORE -> {}
    }
    return Step.CONTINUE;
  }

  private Step onTerminate() {
    switch (phase) {
      case PRE_START -> {
        log().info("SIGTERM during preStart: stopping it; the app will not start");
        stopRequested = true;
        ChildProcess running = hook;
        if (running != null) {
          running.signal(15);
        }
      }
      case RUNNING -> beginStop();
      case TERMINATING -> {
        ChildProcess running = app;
        if (running != null) {
          running.signal(15);
        }
      }
      case STOPPING, POST_STOP -> log().info("already stopping; SIGTERM ignored");
    }
    return Step.CONTINUE;
  }

  /** SIGTERM in RUNNING: deregister (actors), then preStop; the app is signalled after it. */
  private void beginStop() {
    phase = Phase.STOPPING;
    bus.publish(Event.of(EventCode.STOPPING, "pilot"));
    beforeStop();
    if (config.preStop().isPresent()) {
      startHook(PRE_STOP, config.preStop().get());
    } else {
      afterPreStop();
    }
  }

  private void afterPreStop() {
    ChildProcess running = app;
    if (running == null || appStatus != null) {
      startPostStop();
      return;
    }
    phase = Phase.TERMINATING;
    Duration timeout = config.stopTimeout();
    if (timeout.isZero()) {
      log().info("stopTimeout is negative: killing the app");
      running.signal(9);
      return;
    }
    running.signal(15);
    killTimer =
        timers()
            .schedule(
                () -> bus.publish(Event.of(EventCode.TIMER_EXPIRED, STOP_TIMER)),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private Step onTimer(String name) {
    ChildProcess running = app;
    if (name.equals(STOP_TIMER)
        && phase == Phase.TERMINATING
        && running != null
        && appStatus == null) {
      log()
          .info(
              "app still running {} s after SIGTERM: sending SIGKILL",
              config.stopTimeout().toSeconds());
      running.signal(9);
    }
    return Step.CONTINUE;
  }

  private Step onExit(String source, int code) {
    return switch (source) {
      case APP -> onAppExit();
      case PRE_START -> onPreStartExit(code);
      case PRE_STOP -> {
        log().debug("preStop ended with {}", code);
        hook = null;
        afterPreStop();
        yield Step.CONTINUE;
      }
      case POST_STOP -> onPostStopExit(code);
      default -> Step.CONTINUE;
    };
  }

  private Step onPreStartExit(int code) {
    hook = null;
    if (code != 0) {
      log().error("preStart failed with exit code {}; the app is not started", code);
      exitCode = code;
      return Step.EXIT;
    }
    if (stopRequested) {
      exitCode = 0;
      return Step.EXIT;
    }
    startApp();
    return Step.CONTINUE;
  }

  private Step onAppExit() {
    ChildProcess exited = app;
    ExitStatus status =
        exited != null ? exited.exit().join() : ExitStatus.exited(ExitStatus.NOT_FOUND);
    return onAppStatus(status);
  }

  private Step onAppStatus(ExitStatus status) {
    appStatus = status;
    exitCode = status.code();
    ScheduledFuture<?> timer = killTimer;
    if (timer != null) {
      timer.cancel(false);
    }
    log().info("app ended: {}", status.describe());
    switch (phase) {
      case RUNNING -> {
        // the app exited by itself: deregister too (ContainerPilot did not: D10), then postStop
        bus.publish(Event.of(EventCode.STOPPING, "pilot"));
        beforeStop();
        startPostStop();
      }
      case TERMINATING -> startPostStop();
      case PRE_START, STOPPING, POST_STOP -> {}
    }
    return Step.CONTINUE;
  }

  private void startPostStop() {
    phase = Phase.POST_STOP;
    if (config.postStop().isPresent()) {
      startHook(POST_STOP, config.postStop().get());
    } else {
      bus.publish(Event.exited(POST_STOP, 0));
    }
  }

  private Step onPostStopExit(int code) {
    if (phase != Phase.POST_STOP) {
      return Step.CONTINUE;
    }
    if (code != 0) {
      log().info("postStop failed with exit code {}; exiting with it", code);
      exitCode = code;
    }
    return Step.EXIT;
  }

  /**
   * Starts the app, then the actors. ContainerPilot started its pollers first, but here building
   * them (the Consul client, the telemetry server, the metrics) costs the JVM some 300 ms of class
   * loading that the app need not wait for; nothing the actors do is visible before the app runs,
   * and events that come meanwhile (the app's exit, a signal) wait in the supervisor's inbox until
   * the actors exist.
   */
  private void startApp() {
    phase = Phase.RUNNING;
    Optional<Command> command = launch.app();
    if (command.isEmpty()) {
      startActors();
      log().info("no app command: running hooks and services only; SIGTERM stops the pilot");
      bus.publish(Event.of(EventCode.STARTUP, "pilot"));
      afterFirstSpawn();
      return;
    }
    try {
      ChildProcess started = processes.start(ProcessSpec.app(command.get()));
      app = started;
      // STARTUP goes out before the exit listener exists: an app that ends at once must not
      // have its exit published ahead of the pilot's own start-up.
      bus.publish(Event.of(EventCode.STARTUP, "pilot"));
      CompletableFuture<Void> ignored =
          started.exit().thenAccept(status -> bus.publish(Event.exited(APP, status.code())));
    } catch (SpawnException e) {
      log().error("{}", e.getMessage());
      bus.publish(Event.of(EventCode.STARTUP, "pilot"));
      onAppStatus(e.status());
    }
    afterFirstSpawn();
    if (phase == Phase.RUNNING) {
      startActors();
    }
  }

  /** Starts a hook; a hook that cannot start ends at once with 127/126, like any other exit. */
  private void startHook(String name, Command command) {
    try {
      ChildProcess started = processes.start(ProcessSpec.hook(name, command));
      hook = started;
      CompletableFuture<Void> ignored =
          started.exit().thenAccept(status -> bus.publish(Event.exited(name, status.code())));
    } catch (SpawnException e) {
      log().error("{}: {}", name, e.getMessage());
      bus.publish(Event.exited(name, e.status().code()));
    }
    afterFirstSpawn();
  }

  private void afterFirstSpawn() {
    if (!spawnedOnce) {
      spawnedOnce = true;
      firstSpawnHook.run();
    }
  }

  private void forward(String name, int number) {
    ChildProcess running = app;
    if (running == null || !running.signal(number)) {
      log().debug("SIG{} not forwarded: the app is not running", name);
    }
  }

  private void toggleMaintenance() {
    maintenance = !maintenance;
    log().info(maintenance ? "entering maintenance mode" : "leaving maintenance mode");
    bus.publish(
        Event.of(maintenance ? EventCode.ENTER_MAINTENANCE : EventCode.EXIT_MAINTENANCE, "pilot"));
  }

  /**
   * SIGHUP: re-read and re-render the config; an invalid one, or one whose services or telemetry
   * cannot be set up ({@link ActorFactory#check}), is logged and the old one kept running. The app
   * keeps running and preStart is not run again; new hooks, stopTimeout, logging and actors take
   * effect. Ignored once stopping has begun.
   */
  private void reload() {
    if (phase != Phase.RUNNING && phase != Phase.PRE_START) {
      log().info("stopping; SIGHUP ignored");
      return;
    }
    String value = launch.configValue().orElseThrow();
    log().info("reloading configuration");
    PilotConfig loaded;
    try {
      loaded = PilotConfigLoader.load(value, environment.get()).config();
    } catch (ConfigException e) {
      keepCurrentConfig(e.getMessage());
      return;
    }
    try {
      // before anything is stopped: a config that parses but cannot be used keeps the old one
      actorFactory.check(loaded);
    } catch (RuntimeException e) {
      keepCurrentConfig(e.getMessage());
      return;
    }
    stopActors();
    config = loaded;
    PilotLogging.configure(loaded.logging());
    bus.publish(Event.of(EventCode.RELOAD, "pilot"));
    if (phase == Phase.RUNNING) {
      startActors();
    }
    log().info("configuration reloaded");
  }

  private void keepCurrentConfig(@Nullable String reason) {
    log()
        .error(
            "could not reload config, keeping the current one:{}{}",
            System.lineSeparator(),
            reason);
  }

  private void startActors() {
    List<Actor> created;
    try {
      created = new ArrayList<>(actorFactory.create(config, processes));
    } catch (RuntimeException e) {
      // e.g. the telemetry port is taken or an interface vanished: the app keeps running
      log().error("could not start services, backends and telemetry: {}", e.getMessage());
      return;
    }
    for (Actor actor : created) {
      if (maintenance) {
        // a reload during maintenance: nothing may register before the event below arrives
        actor.startsInMaintenance();
      }
      actor.start(bus);
    }
    actors = List.copyOf(created);
    if (maintenance) {
      bus.publish(Event.of(EventCode.ENTER_MAINTENANCE, "pilot"));
    }
  }

  /** The deregistration point: each actor gets the chance to clean up before hooks run. */
  private void beforeStop() {
    for (Actor actor : actors) {
      try {
        actor.beforeStop(BEFORE_STOP_TIMEOUT);
      } catch (RuntimeException e) {
        log().warn("{} failed to prepare for stop: {}", actor.name(), e.toString());
      }
    }
  }

  private void stopActors() {
    for (Actor actor : actors) {
      try {
        actor.stop();
      } catch (RuntimeException e) {
        log().warn("{} failed to stop: {}", actor.name(), e.toString());
      }
    }
    actors = List.of();
  }

  /** Created on first use: most runs never arm a timer, and its thread costs start-up time. */
  private ScheduledExecutorService timers() {
    ScheduledExecutorService scheduled = timers;
    if (scheduled == null) {
      scheduled = Executors.newSingleThreadScheduledExecutor(new DaemonThreads());
      timers = scheduled;
    }
    return scheduled;
  }

  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "timers");
      thread.setDaemon(true);
      return thread;
    }
  }

  Phase phase() {
    return phase;
  }
}
