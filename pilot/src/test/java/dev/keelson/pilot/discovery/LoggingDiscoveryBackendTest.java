package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingDiscoveryBackendTest {

  private final RecordingBackend recording = new RecordingBackend();
  private final LoggingDiscoveryBackend logging = new LoggingDiscoveryBackend(recording);

  @Test
  void calls_anyCall_reachTheDelegateUnchanged() throws Exception {
    ServiceRegistration registration =
        new ServiceRegistration("app-h", "app", "10.0.0.2", 80, List.of(), Duration.ofSeconds(5));

    logging.register(registration, CheckStatus.PASSING);
    logging.updateTtl("app-h", CheckStatus.WARNING, "slow");
    logging.setMaintenance("app-h", true, "drain");
    logging.passingInstances("db", "primary");
    logging.deregister("app-h");

    assertThat(recording.calls)
        .containsExactly(
            "register app-h passing",
            "ttl app-h warning slow",
            "maintenance app-h true",
            "query db",
            "deregister app-h");
  }

  @Test
  void updateTtl_delegateFails_rethrowsTheSameException() {
    assertThatThrownBy(() -> logging.updateTtl("unknown-h", CheckStatus.PASSING, "ok"))
        .isInstanceOf(NotRegisteredException.class);
  }
}
