package dev.keelson.pilot.wiring;

import dev.keelson.pilot.event.Event;
import dev.keelson.pilot.event.EventBus;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An actor's inbox reader: its own thread takes events from a bus subscription and hands them to
 * the actor, one at a time, so a slow Consul call made for one event never blocks the supervisor.
 */
final class BusListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BusListener.class);

  private final EventBus.Subscription subscription;
  private final Thread thread;

  private BusListener(EventBus.Subscription subscription, Thread thread) {
    this.subscription = subscription;
    this.thread = thread;
  }

  /**
   * Subscribes now (so no event published after this returns is missed), then runs {@code first}
   * and afterwards {@code handler} for each event on a new daemon thread.
   */
  static BusListener start(EventBus bus, String name, Runnable first, Consumer<Event> handler) {
    EventBus.Subscription subscription = bus.subscribe(name);
    Thread thread =
        new Thread(
            () -> {
              try {
                first.run();
                while (!Thread.currentThread().isInterrupted()) {
                  Event event = subscription.take();
                  try {
                    handler.accept(event);
                  } catch (RuntimeException e) {
                    log.error("{}: handling {} failed: {}", name, event, e.toString());
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "actor-" + name);
    thread.setDaemon(true);
    thread.start();
    return new BusListener(subscription, thread);
  }

  @Override
  public void close() {
    subscription.close();
    thread.interrupt();
  }
}
