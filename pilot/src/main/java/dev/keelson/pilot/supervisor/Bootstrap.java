package dev.keelson.pilot.supervisor;

import dev.keelson.config.template.Environment;
import dev.keelson.pilot.event.Event;
import dev.keelson.pilot.event.EventBus;
import dev.keelson.pilot.job.ActorFactory;
import dev.keelson.pilot.posix.NativePosix;
import dev.keelson.pilot.posix.Posix;
import dev.keelson.pilot.posix.SignalTrap;
import dev.keelson.pilot.process.ChildrenOfSelf;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.pilot.process.Reaper;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the pilot in the order that keeps the app's start fast and nothing racy: subscribe the
 * supervisor, trap signals (so none is lost or acted on by the JVM's defaults), start the first
 * process, and only then load the native layer and start the reaper.
 */
public final class Bootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private Bootstrap() {}

  /** Runs the pilot until it should exit; returns the exit code. */
  public static int run(Launch launch, ActorFactory actors) throws InterruptedException {
    CompletableFuture<Posix> posix = new CompletableFuture<>();
    ProcessLauncher processes = new ProcessLauncher(posix);
    Reaper reaper = processes.reaper(ChildrenOfSelf.system());
    EventBus bus = new EventBus();
    EventBus.Subscription inbox = bus.subscribe("supervisor");
    List<String> refused =
        SignalTrap.install(
            SignalTrap.HANDLED,
            signal -> {
              if (signal.name().equals("CHLD")) {
                reaper.requestReap();
              } else {
                bus.publish(Event.signal(signal.name(), signal.number()));
              }
            });
    if (!refused.isEmpty()) {
      LOG.warn("cannot handle SIG{}: the JVM reserves them", String.join(", SIG", refused));
    }
    Runnable loadNative =
        () -> {
          CompletableFuture<Void> ignored =
              NativePosix.loadInBackground()
                  .whenComplete(
                      (loaded, error) -> {
                        if (error != null) {
                          LOG.error(
                              "cannot load the native POSIX layer; orphans will not be reaped and only"
                                  + " TERM/KILL can be forwarded: {}",
                              error.toString());
                          posix.completeExceptionally(error);
                          return;
                        }
                        posix.complete(loaded);
                        reaper.requestReap();
                      })
                  .thenRun(() -> {});
          reaper.start();
        };
    Pilot pilot =
        new Pilot(
            launch,
            processes,
            bus,
            inbox,
            actors,
            () -> Environment.of(System.getenv()),
            loadNative);
    return pilot.run();
  }
}
