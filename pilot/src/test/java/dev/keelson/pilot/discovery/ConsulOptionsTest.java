package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsulOptionsTest {

  @Test
  void fromEnvironment_tokenAndCaCert_areApplied() throws Exception {
    ConsulOptions options =
        ConsulOptions.fromEnvironment(
            ConsulAddress.parse("https://consul:8501"),
            Map.of("CONSUL_HTTP_TOKEN", "env-token", "CONSUL_CACERT", "/etc/consul/ca.pem"));

    assertThat(options.address().token()).isEqualTo("env-token");
    assertThat(options.caFile()).isEqualTo(Path.of("/etc/consul/ca.pem"));
    assertThat(options.callTimeout()).isEqualTo(ConsulOptions.DEFAULT_CALL_TIMEOUT);
  }

  @Test
  void fromEnvironment_configToken_winsOverEnvironment() throws Exception {
    ConsulOptions options =
        ConsulOptions.fromEnvironment(
            ConsulAddress.fromObject("consul:8500", null, "config-token"),
            Map.of("CONSUL_HTTP_TOKEN", "env-token"));

    assertThat(options.address().token()).isEqualTo("config-token");
    assertThat(options.caFile()).isNull();
  }

  @Test
  void new_zeroTimeout_isRejected() throws Exception {
    ConsulAddress address = ConsulAddress.parse("consul:8500");

    assertThatThrownBy(() -> ConsulOptions.of(address).withCallTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callTimeout must be positive, got PT0S");
  }
}
