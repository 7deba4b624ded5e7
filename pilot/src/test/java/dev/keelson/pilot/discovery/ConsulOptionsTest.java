package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @ParameterizedTest
  @CsvSource({"false,false", "0,false", "F,false", "False,false", "true,true", "1,true", "no,true"})
  void fromEnvironment_sslVerify_isOffOnlyForWhatGoParsesAsFalse(String value, boolean verify)
      throws Exception {
    ConsulOptions options =
        ConsulOptions.fromEnvironment(
            ConsulAddress.parse("https://consul:8501"), Map.of("CONSUL_HTTP_SSL_VERIFY", value));
    assertThat(options.verifyTls()).isEqualTo(verify);
  }

  @Test
  void fromEnvironment_httpAuth_isTheBasicAuthentication() throws Exception {
    ConsulAddress address = ConsulAddress.parse("consul:8500");
    ConsulOptions options =
        ConsulOptions.fromEnvironment(address, Map.of("CONSUL_HTTP_AUTH", "ops:s3cret"));
    assertThat(options.basicAuth()).isEqualTo("ops:s3cret");
    assertThat(options.toString()).doesNotContain("s3cret").contains("basicAuth=(set)");
    ConsulOptions none = ConsulOptions.fromEnvironment(address, Map.of());
    assertThat(none.basicAuth()).isNull();
    assertThat(none.verifyTls()).isTrue();
  }

  @Test
  void new_zeroTimeout_isRejected() throws Exception {
    ConsulAddress address = ConsulAddress.parse("consul:8500");

    assertThatThrownBy(() -> ConsulOptions.of(address).withCallTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callTimeout must be positive, got PT0S");
  }
}
