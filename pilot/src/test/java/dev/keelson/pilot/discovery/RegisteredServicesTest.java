package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisteredServicesTest {

  private final RecordingBackend backend = new RecordingBackend();
  private final ServiceRegistrar web = registrar("web-h", "web");
  private final ServiceRegistrar db = registrar("db-h", "db");

  @Test
  void toggleMaintenance_twice_deregistersThenRegistersEveryService() {
    web.healthy("ok");
    db.healthy("ok");
    try (RegisteredServices services = new RegisteredServices(List.of(web, db))) {
      boolean entered = services.toggleMaintenance(Duration.ofSeconds(5));
      assertThat(entered).isTrue();
      assertThat(backend.statusById).isEmpty();
      assertThat(web.healthy("ok")).isEqualTo(ServiceRegistrar.Outcome.SKIPPED);

      boolean stillIn = services.toggleMaintenance(Duration.ofSeconds(5));

      assertThat(stillIn).isFalse();
      assertThat(backend.statusById)
          .containsEntry("web-h", CheckStatus.PASSING)
          .containsEntry("db-h", CheckStatus.PASSING);
    }
  }

  @Test
  void deregisterAll_registeredServices_removesEach() {
    web.healthy("ok");
    db.healthy("ok");
    try (RegisteredServices services = new RegisteredServices(List.of(web, db))) {
      boolean finished = services.deregisterAll(Duration.ofSeconds(5));

      assertThat(finished).isTrue();
      assertThat(backend.statusById).isEmpty();
      assertThat(backend.calls).contains("deregister web-h", "deregister db-h");
    }
  }

  private ServiceRegistrar registrar(String id, String name) {
    return ServiceRegistrar.forPoll(
        backend,
        new ServiceRegistration(id, name, "10.0.0.2", 80, List.of(), Duration.ofSeconds(10)),
        Duration.ofSeconds(1));
  }
}
