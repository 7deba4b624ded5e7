package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

  @Test
  void idFor_nameAndHostname_joinsWithDash() {
    assertThat(ServiceRegistration.idFor("app", "3f2a9c")).isEqualTo("app-3f2a9c");
  }

  @Test
  void checkId_anyService_isConsulInlineCheckId() {
    ServiceRegistration registration = registration(Duration.ofSeconds(10));

    assertThat(registration.checkId()).isEqualTo("service:app-h");
    assertThat(registration.ttlText()).isEqualTo("10s");
  }

  @Test
  void new_ttlBelowOneSecond_isRejected() {
    assertThatThrownBy(() -> registration(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ttl of service app must be at least 1s");
  }

  @Test
  void new_mutableTags_areCopied() {
    List<String> tags = new ArrayList<>(List.of("a"));
    ServiceRegistration registration =
        new ServiceRegistration("app-h", "app", "10.0.0.2", 80, tags, Duration.ofSeconds(5));
    tags.add("b");

    assertThat(registration.tags()).containsExactly("a");
  }

  private static ServiceRegistration registration(Duration ttl) {
    return new ServiceRegistration("app-h", "app", "10.0.0.2", 80, List.of(), ttl);
  }
}
