package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationChangesTest {

  private static final ServiceRegistration WEB = registration("web-h", "web", 80);
  private static final ServiceRegistration DB = registration("db-h", "db", 5432);

  @Test
  void between_sameServices_keepsAllRegistered() {
    RegistrationChanges changes = RegistrationChanges.between(List.of(WEB, DB), List.of(WEB, DB));

    assertThat(changes.toDeregister()).isEmpty();
    assertThat(changes.toRegister()).isEmpty();
    assertThat(changes.unchanged()).containsExactly(WEB, DB);
  }

  @Test
  void between_serviceRemoved_deregistersOnlyIt() {
    RegistrationChanges changes = RegistrationChanges.between(List.of(WEB, DB), List.of(WEB));

    assertThat(changes.toDeregister()).containsExactly("db-h");
    assertThat(changes.unchanged()).containsExactly(WEB);
  }

  @Test
  void between_portChanged_deregistersAndRegistersAgain() {
    ServiceRegistration moved = registration("web-h", "web", 8080);

    RegistrationChanges changes = RegistrationChanges.between(List.of(WEB), List.of(moved));

    assertThat(changes.toDeregister()).containsExactly("web-h");
    assertThat(changes.toRegister()).containsExactly(moved);
    assertThat(changes.unchanged()).isEmpty();
  }

  @Test
  void between_serviceAdded_registersIt() {
    RegistrationChanges changes = RegistrationChanges.between(List.of(WEB), List.of(WEB, DB));

    assertThat(changes.toRegister()).containsExactly(DB);
    assertThat(changes.toDeregister()).isEmpty();
  }

  private static ServiceRegistration registration(String id, String name, int port) {
    return new ServiceRegistration(id, name, "10.0.0.2", port, List.of(), Duration.ofSeconds(10));
  }
}
