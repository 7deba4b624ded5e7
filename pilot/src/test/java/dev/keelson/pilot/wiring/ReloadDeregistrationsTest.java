package dev.keelson.pilot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.ServiceRegistration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReloadDeregistrationsTest {

  private static ServiceRegistration service(String name, int port) {
    return new ServiceRegistration(
        name + "-h", name, "10.0.0.2", port, List.of(), Duration.ofSeconds(5));
  }

  private final List<ServiceRegistration> before = List.of(service("web", 80), service("db", 5432));

  @Test
  void sameAgent_dropsOnlyRemovedServices_changedOnesAreReplacedInPlace() {
    ReloadDeregistrations drop =
        ReloadDeregistrations.between(before, true, List.of(service("web", 8080)));

    assertThat(drop.byNewConfig()).containsExactly("db-h");
    assertThat(drop.atOldAgent()).isEmpty();
  }

  @Test
  void newConfigRegistersNothing_everyOldServiceIsDeregisteredAtTheOldAgent() {
    ReloadDeregistrations drop = ReloadDeregistrations.between(before, false, List.of());

    assertThat(drop.byNewConfig()).isEmpty();
    assertThat(drop.atOldAgent()).containsExactly("web-h", "db-h");
  }

  @Test
  void otherAgent_everyOldServiceIsDeregisteredAtTheOldAgent_evenUnchangedOnes() {
    ReloadDeregistrations drop = ReloadDeregistrations.between(before, false, before);

    assertThat(drop.byNewConfig()).isEmpty();
    assertThat(drop.atOldAgent()).containsExactly("web-h", "db-h");
  }

  @Test
  void nothingRegisteredBefore_nothingToDrop() {
    ReloadDeregistrations drop =
        ReloadDeregistrations.between(List.of(), false, List.of(service("web", 80)));

    assertThat(drop.byNewConfig()).isEmpty();
    assertThat(drop.atOldAgent()).isEmpty();
  }
}
