package dev.keelson.pilot.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventBusTest {

  @Test
  void publish_reachesEverySubscriberInOrder() throws InterruptedException {
    EventBus bus = new EventBus();
    EventBus.Subscription first = bus.subscribe("first");
    EventBus.Subscription second = bus.subscribe("second");
    bus.publish(Event.of(EventCode.STARTUP, "pilot"));
    bus.publish(Event.exited("app", 3));
    assertThat(first.take()).isEqualTo(Event.of(EventCode.STARTUP, "pilot"));
    assertThat(first.take()).isEqualTo(new Event(EventCode.EXIT_FAILED, "app", 3));
    assertThat(second.take()).isEqualTo(Event.of(EventCode.STARTUP, "pilot"));
  }

  @Test
  void close_stopsDelivery() throws InterruptedException {
    EventBus bus = new EventBus();
    EventBus.Subscription subscription = bus.subscribe("gone");
    subscription.close();
    bus.publish(Event.of(EventCode.STARTUP, "pilot"));
    assertThat(subscription.poll(0)).isNull();
  }

  @Test
  void exited_zeroIsSuccess() {
    assertThat(Event.exited("app", 0).code()).isEqualTo(EventCode.EXIT_SUCCESS);
    assertThat(Event.signal("TERM", 15).toString()).isEqualTo("SIGNAL(TERM,15)");
  }
}
