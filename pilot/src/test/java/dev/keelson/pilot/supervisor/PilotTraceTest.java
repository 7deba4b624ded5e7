package dev.keelson.pilot.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.command.Command;
import dev.keelson.config.template.Environment;
import dev.keelson.pilot.config.LoggingSpec;
import dev.keelson.pilot.config.PilotConfig;
import dev.keelson.pilot.event.Actor;
import dev.keelson.pilot.event.Event;
import dev.keelson.pilot.event.EventBus;
import dev.keelson.pilot.event.EventCode;
import dev.keelson.pilot.job.ActorFactory;
import dev.keelson.pilot.posix.Posix;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.testkit.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the supervisor through whole lifecycles with real (tiny) shell processes and compares the
 * event trace on the bus. Signals are injected as the signal trap would publish them.
 */
@Timeout(30)
class PilotTraceTest {

  @TempDir Path dir;

  /** An app that handles TERM with {@code action} and says when its trap is in place. */
  private Command trapping(String action) {
    return sh(
        "trap "
            + action
            + " TERM; touch "
            + dir.resolve("ready")
            + "; while :; do sleep 0.02; done");
  }

  private void awaitReady() {
    Path ready = dir.resolve("ready");
    Eventually.await(
        "the app installed its trap", Duration.ofSeconds(10), () -> Files.exists(ready));
  }

  private static Command sh(String script) {
    return Command.of("sh", "-c", script);
  }

  private static PilotConfig config(
      @Nullable Command preStart,
      @Nullable Command preStop,
      @Nullable Command postStop,
      Duration stopTimeout) {
    return new PilotConfig(
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(preStart),
        Optional.ofNullable(preStop),
        Optional.ofNullable(postStop),
        stopTimeout,
        LoggingSpec.DEFAULT,
        List.of(),
        List.of(),
        Optional.empty());
  }

  /** Runs a pilot on its own thread; records everything published on its bus. */
  private static final class Harness {
    final EventBus bus = new EventBus();
    final EventBus.Subscription recorder = bus.subscribe("recorder");
    final List<Event> trace = new ArrayList<>();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    Harness(PilotConfig config, @Nullable Command app, boolean configured) {
      this(config, app, configured ? Optional.of("{}") : Optional.empty(), ActorFactory.none());
    }

    /** With the config text a reload reads, and the actors it builds. */
    Harness(
        PilotConfig config,
        @Nullable Command app,
        Optional<String> configValue,
        ActorFactory actors) {
      CompletableFuture<Posix> posix = new CompletableFuture<>();
      posix.completeExceptionally(new IllegalStateException("no native layer in unit tests"));
      EventBus.Subscription inbox = bus.subscribe("supervisor");
      Launch launch = new Launch(configValue, config, Optional.ofNullable(app));
      Pilot pilot =
          new Pilot(
              launch, new ProcessLauncher(posix), bus, inbox, actors, Environment::empty, () -> {});
      Thread thread =
          new Thread(
              () -> {
                try {
                  exit.complete(pilot.run());
                } catch (InterruptedException | RuntimeException e) {
                  exit.completeExceptionally(e);
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    /**
     * A pilot with a config of neither hooks nor services (stop timeout 5 s) that reloads to a
     * Consul config, running {@code app} with {@code actors}.
     */
    static Harness withActors(Command app, ActorFactory actors) {
      return new Harness(
          config(null, null, null, Duration.ofSeconds(5)),
          app,
          Optional.of("{\"consul\": \"127.0.0.1:8500\"}"),
          actors);
    }

    /** Records events until one matching {@code code}/{@code source} arrives. */
    void awaitEvent(EventCode code, String source) throws InterruptedException {
      while (true) {
        Event event = recorder.poll(TimeUnit.SECONDS.toMillis(20));
        if (event == null) {
          throw new AssertionError("no " + code + "(" + source + ") within 20 s; saw " + trace);
        }
        trace.add(event);
        if (event.code() == code && event.source().equals(source)) {
          return;
        }
      }
    }

    int finish() throws Exception {
      awaitEvent(EventCode.SHUTDOWN, "pilot");
      return exit.get(20, TimeUnit.SECONDS);
    }

    void signal(String name, int number) {
      bus.publish(Event.signal(name, number));
    }
  }

  @Test
  void run_appExitsByItself_preStartAppPostStopInOrder() throws Exception {
    Harness pilot =
        new Harness(
            config(sh("exit 0"), sh("exit 0"), sh("exit 0"), Duration.ofSeconds(5)),
            sh("exit 4"),
            true);
    assertThat(pilot.finish()).isEqualTo(4);
    assertThat(pilot.trace)
        .containsExactly(
            Event.exited("preStart", 0),
            Event.of(EventCode.STARTUP, "pilot"),
            Event.exited("app", 4),
            Event.of(EventCode.STOPPING, "pilot"),
            Event.exited("postStop", 0),
            Event.of(EventCode.SHUTDOWN, "pilot"));
  }

  @Test
  void run_preStartFails_exitsWithItsCodeAndAppNeverStarts() throws Exception {
    Path marker = dir.resolve("app-ran");
    Harness pilot =
        new Harness(
            config(sh("exit 3"), null, sh("exit 0"), Duration.ofSeconds(5)),
            sh("touch " + marker),
            true);
    assertThat(pilot.finish()).isEqualTo(3);
    assertThat(pilot.trace)
        .containsExactly(Event.exited("preStart", 3), Event.of(EventCode.SHUTDOWN, "pilot"));
    assertThat(marker).doesNotExist();
  }

  @Test
  void run_postStopFails_itsCodeWins() throws Exception {
    Harness pilot =
        new Harness(config(null, null, sh("exit 9"), Duration.ofSeconds(5)), sh("exit 5"), true);
    assertThat(pilot.finish()).isEqualTo(9);
  }

  @Test
  void run_sigterm_preStopThenAppTermThenPostStop() throws Exception {
    Path log = dir.resolve("order");
    Harness pilot =
        new Harness(
            config(
                null,
                sh("echo preStop >> " + log),
                sh("echo postStop >> " + log),
                Duration.ofSeconds(5)),
            trapping("'echo app-term >> " + log + "; exit 7'"),
            true);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");
    awaitReady();
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isEqualTo(7);
    assertThat(Files.readAllLines(log)).containsExactly("preStop", "app-term", "postStop");
    assertThat(pilot.trace)
        .containsSubsequence(
            Event.signal("TERM", 15),
            Event.of(EventCode.STOPPING, "pilot"),
            Event.exited("preStop", 0),
            Event.exited("app", 7),
            Event.exited("postStop", 0),
            Event.of(EventCode.SHUTDOWN, "pilot"));
  }

  @Test
  void run_secondSigtermDuringPreStop_neitherHangsNorRepeatsPreStop() throws Exception {
    Path release = dir.resolve("release");
    Path count = dir.resolve("count");
    Harness pilot =
        new Harness(
            config(
                null,
                sh("echo x >> " + count + "; while [ ! -e " + release + " ]; do sleep 0.01; done"),
                null,
                Duration.ofSeconds(5)),
            sh("sleep 30"),
            true);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");
    pilot.signal("TERM", 15);
    pilot.awaitEvent(EventCode.STOPPING, "pilot");
    pilot.signal("TERM", 15);
    pilot.awaitEvent(EventCode.SIGNAL, "TERM");
    Files.writeString(release, "go");
    assertThat(pilot.finish()).isEqualTo(143);
    assertThat(Files.readAllLines(count)).hasSize(1);
  }

  @Test
  void run_appIgnoresSigterm_killedAfterStopTimeout() throws Exception {
    Harness pilot =
        new Harness(config(null, null, null, Duration.ofSeconds(1)), trapping("''"), true);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");
    awaitReady();
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isEqualTo(137);
    assertThat(pilot.trace).contains(Event.of(EventCode.TIMER_EXPIRED, "stopTimeout"));
  }

  @Test
  void run_negativeStopTimeout_killsAtOnce() throws Exception {
    Harness pilot =
        new Harness(config(null, null, null, Duration.ZERO), trapping("'exit 0'"), true);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");
    awaitReady();
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isEqualTo(137);
  }

  @Test
  void run_noAppSigterm_exits() throws Exception {
    Harness pilot =
        new Harness(config(null, sh("exit 0"), null, Duration.ofSeconds(5)), null, true);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isZero();
    assertThat(pilot.trace).contains(Event.exited("preStop", 0));
  }

  @Test
  void run_appNotFound_127AfterPostStop() throws Exception {
    Path marker = dir.resolve("post");
    Harness pilot =
        new Harness(
            config(null, null, sh("touch " + marker), Duration.ofSeconds(5)),
            Command.of("/no/such/app"),
            true);
    assertThat(pilot.finish()).isEqualTo(127);
    assertThat(marker).exists();
  }

  @Test
  void run_plainInit_sigtermForwardedNotConsumed() throws Exception {
    Harness pilot = new Harness(PilotConfig.none(), trapping("'exit 3'"), false);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");
    awaitReady();
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isEqualTo(3);
    assertThat(pilot.trace)
        .doesNotContain(
            Event.of(EventCode.STOPPING, "pilot").equals(null) ? null : Event.exited("preStop", 0));
  }

  @Test
  void run_usr1WithConfig_togglesMaintenanceEvents() throws Exception {
    Harness pilot =
        new Harness(config(null, null, null, Duration.ofSeconds(5)), sh("sleep 30"), true);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");
    pilot.signal("USR1", 10);
    pilot.awaitEvent(EventCode.ENTER_MAINTENANCE, "pilot");
    pilot.signal("USR1", 10);
    pilot.awaitEvent(EventCode.EXIT_MAINTENANCE, "pilot");
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isEqualTo(143);
  }

  @Test
  void reload_configTheActorsCannotUse_keepsTheRunningActors() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    ActorFactory actors =
        new ActorFactory() {
          @Override
          public List<Actor> create(PilotConfig config, ProcessLauncher processes) {
            calls.add("create");
            return List.of(new RecordingActor(calls));
          }

          @Override
          public void check(PilotConfig config) {
            throw new IllegalStateException("service web: interfaces: nothing matches eth9");
          }
        };
    Harness pilot = Harness.withActors(sh("sleep 30"), actors);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");

    pilot.signal("HUP", 1);
    // the supervisor handles signals in order: once USR1 is handled, so is the HUP
    pilot.signal("USR1", 10);
    pilot.awaitEvent(EventCode.ENTER_MAINTENANCE, "pilot");

    assertThat(calls).containsExactly("create", "start");
    assertThat(pilot.trace).extracting(Event::code).doesNotContain(EventCode.RELOAD);
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isEqualTo(143);
  }

  /** Building the actors costs the JVM class loading that the app does not wait for. */
  @Test
  void actors_areBuiltOnceTheAppIsSpawned() throws Exception {
    String marker = "app-" + java.util.UUID.randomUUID();
    CompletableFuture<Boolean> appRunningAtCreate = new CompletableFuture<>();
    ActorFactory actors =
        (config, processes) -> {
          appRunningAtCreate.complete(
              ProcessHandle.current()
                  .descendants()
                  .anyMatch(p -> p.info().commandLine().orElse("").contains(marker)));
          return List.of();
        };
    Harness pilot = Harness.withActors(sh("sleep 30; : " + marker), actors);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");

    assertThat(appRunningAtCreate.get(10, TimeUnit.SECONDS)).as("app running when built").isTrue();
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isEqualTo(143);
  }

  @Test
  void reload_duringMaintenance_newActorsStartPaused() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    ActorFactory actors = (config, processes) -> List.of(new RecordingActor(calls));
    Harness pilot = Harness.withActors(sh("sleep 30"), actors);
    pilot.awaitEvent(EventCode.STARTUP, "pilot");
    pilot.signal("USR1", 10);
    pilot.awaitEvent(EventCode.ENTER_MAINTENANCE, "pilot");

    pilot.signal("HUP", 1);
    pilot.awaitEvent(EventCode.RELOAD, "pilot");
    pilot.awaitEvent(EventCode.ENTER_MAINTENANCE, "pilot");

    assertThat(calls).containsExactly("start", "stop", "startsInMaintenance", "start");
    pilot.signal("TERM", 15);
    assertThat(pilot.finish()).isEqualTo(143);
  }

  /** Records its lifecycle calls. */
  private static final class RecordingActor implements Actor {
    private final List<String> calls;

    RecordingActor(List<String> calls) {
      this.calls = calls;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void startsInMaintenance() {
      calls.add("startsInMaintenance");
    }

    @Override
    public void start(EventBus bus) {
      calls.add("start");
    }

    @Override
    public void stop() {
      calls.add("stop");
    }
  }
}
