package dev.keelson.pilot.supervisor;

import dev.keelson.config.template.Environment;
import dev.keelson.pilot.event.Event;
import dev.keelson.pilot.event.EventBus;
import dev.keelson.pilot.job.ActorFactory;
import dev.keelson.pilot.posix.NativePosix;
import dev.keelson.pilot.posix.Posix;
import dev.keelson.pilot.posix.SignalTrap;
import dev.keelson.pilot.posix.TrappedSignal;
import dev.keelson.pilot.process.ChildrenOfSelf;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.pilot.process.Reaper;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the pilot in the order that keeps the app's start fast and nothing racy: subscribe the
 * supervisor, trap signals, start the first process, and only then load the native layer and start
 * the reaper (see {@link AfterFirstSpawn}).
 */
public final class Bootstrap {

  /**
   * Looked up on use, not at class initialisation: SLF4J's service lookup then happens after the
   * app has been started, off its start path.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(Bootstrap.class);
  }

  private Bootstrap() {}

  /** Runs the pilot until it should exit; returns the exit code. */
  public static int run(Launch launch, ActorFactory actors) throws InterruptedException {
    CompletableFuture<Posix> posix = new CompletableFuture<>();
    ProcessLauncher processes = new ProcessLauncher(posix);
    Reaper reaper = processes.reaper(ChildrenOfSelf.system());
    EventBus bus = new EventBus();
    EventBus.Subscription inbox = bus.subscribe("supervisor");
    // before the first process: a signal that arrived earlier would meet the JVM's defaults
    // (TERM/INT/HUP end the JVM, as PID 1 the whole namespace; the rest are dropped), and an app
    // that is quick to be ready may well be signalled within the ~20 ms this takes
    List<String> refused = SignalTrap.install(SignalTrap.HANDLED, new SignalSink(bus, reaper));
    Pilot pilot =
        new Pilot(
            launch,
            processes,
            bus,
            inbox,
            actors,
            new ProcessEnvironment(),
            new AfterFirstSpawn(posix, reaper, refused, bus));
    return pilot.run();
  }

  /**
   * Runs on the JVM's signal dispatcher thread: SIGCHLD wakes the reaper, everything else becomes
   * an event. Classes instead of lambdas here and below: they run before the app's exec, where each
   * lambda would cost a bootstrap on a cold JVM.
   */
  private static final class SignalSink implements Consumer<TrappedSignal> {
    private final EventBus bus;
    private final Reaper reaper;

    SignalSink(EventBus bus, Reaper reaper) {
      this.bus = bus;
      this.reaper = reaper;
    }

    @Override
    public void accept(TrappedSignal signal) {
      if (signal.name().equals("CHLD")) {
        reaper.requestReap();
      } else {
        bus.publish(Event.signal(signal.name(), signal.number()));
      }
    }
  }

  /** The environment at the time of a reload. */
  private static final class ProcessEnvironment implements Supplier<Environment> {
    @Override
    public Environment get() {
      return Environment.of(System.getenv());
    }
  }

  /** Runs right after the first process started: loads jnr in the background, starts reaping. */
  private static final class AfterFirstSpawn implements Runnable {
    private final CompletableFuture<Posix> posix;
    private final Reaper reaper;
    private final List<String> refusedSignals;
    private final EventBus bus;

    AfterFirstSpawn(
        CompletableFuture<Posix> posix, Reaper reaper, List<String> refusedSignals, EventBus bus) {
      this.posix = posix;
      this.reaper = reaper;
      this.refusedSignals = refusedSignals;
      this.bus = bus;
    }

    @Override
    public void run() {
      // SLF4J initialises once, here, before any other pilot thread may log; concurrent first use
      // would print its substitute-logger warnings
      LoggerFactory.getILoggerFactory();
      if (!refusedSignals.isEmpty()) {
        log()
            .warn(
                "cannot handle SIG{}: the JVM reserves them", String.join(", SIG", refusedSignals));
      }
      CompletableFuture<Void> ignored =
          NativePosix.loadInBackground().handle(this::loaded).thenAccept(this::logFailure);
      reaper.start();
    }

    private @Nullable Throwable loaded(@Nullable Posix loaded, @Nullable Throwable error) {
      if (loaded == null || error != null) {
        Throwable failure = error != null ? error : new IllegalStateException("no POSIX layer");
        posix.completeExceptionally(failure);
        return failure;
      }
      posix.complete(loaded);
      reaper.requestReap();
      // the first real signal should not pay for class loading: run the forwarding path once,
      // with signal 0 (an existence check that delivers nothing)
      bus.publish(Event.signal(SignalPolicy.PROBE, 0));
      return null;
    }

    private void logFailure(@Nullable Throwable error) {
      if (error != null) {
        log()
            .error(
                "cannot load the native POSIX layer; orphans will not be reaped and only TERM/KILL"
                    + " can be forwarded: {}",
                error.toString());
      }
    }
  }
}
