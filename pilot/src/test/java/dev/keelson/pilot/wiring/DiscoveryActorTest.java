package dev.keelson.pilot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.CheckStatus;
import dev.keelson.pilot.discovery.DiscoveryBackend;
import dev.keelson.pilot.discovery.RegisteredServices;
import dev.keelson.pilot.discovery.ServiceHeartbeat;
import dev.keelson.pilot.discovery.ServiceInstance;
import dev.keelson.pilot.discovery.ServiceRegistrar;
import dev.keelson.pilot.discovery.ServiceRegistration;
import dev.keelson.pilot.event.Event;
import dev.keelson.pilot.event.EventBus;
import dev.keelson.pilot.event.EventCode;
import dev.keelson.testkit.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DiscoveryActorTest {

  private final Calls backend = new Calls();
  private final ServiceRegistrar registrar =
      ServiceRegistrar.forPoll(
          backend,
          new ServiceRegistration("web-h", "web", "10.0.0.2", 80, List.of(), Duration.ofSeconds(5)),
          Duration.ofMillis(10));
  private final CountDownLatch checked = new CountDownLatch(1);
  private final DiscoveryActor actor =
      new DiscoveryActor(
          backend,
          new RegisteredServices(List.of(registrar)),
          List.of(
              new ServiceHeartbeat(
                  registrar,
                  Duration.ofMillis(10),
                  () -> {
                    checked.countDown();
                    return ServiceHeartbeat.HealthResult.passed();
                  })),
          List.of(),
          List.of());

  @Test
  void startedInMaintenance_runsNoCheckAndRegistersNothing_untilMaintenanceEnds() throws Exception {
    EventBus bus = new EventBus();
    try {
      actor.startsInMaintenance();
      actor.start(bus);

      // the first check would run at once (poll 10 ms) if the actor started unpaused
      assertThat(checked.await(300, TimeUnit.MILLISECONDS)).isFalse();
      assertThat(backend.calls).isEmpty();

      bus.publish(Event.of(EventCode.EXIT_MAINTENANCE, "pilot"));
      Eventually.await(
          "registered after maintenance", Duration.ofSeconds(10), () -> !backend.calls.isEmpty());
      assertThat(backend.calls.get(0)).isEqualTo("register web-h passing");
    } finally {
      actor.stop();
    }
  }

  /** Records the calls that reach the agent. */
  private static final class Calls implements DiscoveryBackend {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void register(ServiceRegistration registration, CheckStatus initialStatus) {
      calls.add("register " + registration.id() + " " + initialStatus.consulName());
    }

    @Override
    public void updateTtl(String serviceId, CheckStatus status, String note) {
      calls.add("ttl " + serviceId + " " + status.consulName());
    }

    @Override
    public void deregister(String serviceId) {
      calls.add("deregister " + serviceId);
    }

    @Override
    public void setMaintenance(String serviceId, boolean enabled, String reason) {
      calls.add("maintenance " + serviceId + " " + enabled);
    }

    @Override
    public List<ServiceInstance> passingInstances(String serviceName, @Nullable String tag) {
      return List.of();
    }

    @Override
    public void close() {}
  }
}
