package dev.keelson.pilot.event;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Delivers every published event to every subscriber's inbox, in publication order per publisher.
 * Publishing never blocks (inboxes are unbounded), so a signal handler or a process-exit callback
 * can publish safely. Subscribe before publishing {@link EventCode#STARTUP}, or events are missed.
 */
public final class EventBus {

  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  public Subscription subscribe(String name) {
    Subscription subscription = new Subscription(name, this);
    subscriptions.add(subscription);
    return subscription;
  }

  public void publish(Event event) {
    for (Subscription subscription : subscriptions) {
      subscription.inbox.add(event);
    }
  }

  void unsubscribe(Subscription subscription) {
    subscriptions.remove(subscription);
  }

  /** One subscriber's inbox; read it from one thread (the actor's own). */
  public static final class Subscription implements AutoCloseable {

    private final String name;
    private final EventBus bus;
    private final BlockingQueue<Event> inbox = new LinkedBlockingQueue<>();

    private Subscription(String name, EventBus bus) {
      this.name = name;
      this.bus = bus;
    }

    public String name() {
      return name;
    }

    /** The next event, waiting for one. */
    public Event take() throws InterruptedException {
      return inbox.take();
    }

    /** The next event, or null if none arrives within {@code millis}. */
    public @Nullable Event poll(long millis) throws InterruptedException {
      return inbox.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      bus.unsubscribe(this);
    }
  }
}
