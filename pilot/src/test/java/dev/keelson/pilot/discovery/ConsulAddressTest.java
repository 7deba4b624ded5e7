package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsulAddressTest {

  @Test
  void parse_hostPort_isHttpWithoutToken() throws Exception {
    ConsulAddress address = ConsulAddress.parse("consul:8500");

    assertThat(address).isEqualTo(new ConsulAddress("http", "consul", 8500, null));
    assertThat(address.url()).isEqualTo("http://consul:8500");
  }

  @Test
  void parse_httpsPrefix_selectsHttps() throws Exception {
    ConsulAddress address = ConsulAddress.parse("https://10.0.0.5:8501");

    assertThat(address.isHttps()).isTrue();
    assertThat(address.host()).isEqualTo("10.0.0.5");
    assertThat(address.port()).isEqualTo(8501);
  }

  @Test
  void parse_hostOnly_usesConsulDefaultPort() throws Exception {
    assertThat(ConsulAddress.parse("localhost").port()).isEqualTo(8500);
  }

  @Test
  void parse_bracketedIpv6_keepsHostWithoutBrackets() throws Exception {
    ConsulAddress address = ConsulAddress.parse("http://[::1]:8500");

    assertThat(address.host()).isEqualTo("::1");
    assertThat(address.url()).isEqualTo("http://[::1]:8500");
  }

  @Test
  void parse_unknownScheme_namesConsulField() {
    assertThatThrownBy(() -> ConsulAddress.parse("ftp://consul:8500"))
        .isInstanceOf(InvalidConsulAddressException.class)
        .hasMessage("consul: scheme must be http:// or https://, got \"ftp://consul:8500\"")
        .extracting(e -> ((InvalidConsulAddressException) e).field())
        .isEqualTo("consul");
  }

  @Test
  void parse_portOutOfRange_isRejected() {
    assertThatThrownBy(() -> ConsulAddress.parse("consul:70000"))
        .isInstanceOf(InvalidConsulAddressException.class)
        .hasMessageContaining("port must be 1..65535, got 70000");
  }

  @Test
  void parse_garbage_isRejected() {
    assertThatThrownBy(() -> ConsulAddress.parse("consul:85:00"))
        .isInstanceOf(InvalidConsulAddressException.class)
        .hasMessageStartingWith("consul: must be host:port");
  }

  @Test
  void parse_userInfoOrPath_isRejected() {
    assertThatThrownBy(() -> ConsulAddress.parse("user@consul:8500"))
        .isInstanceOf(InvalidConsulAddressException.class)
        .hasMessageStartingWith("consul: must be host:port");
    assertThatThrownBy(() -> ConsulAddress.parse("http://consul:8500/v1"))
        .isInstanceOf(InvalidConsulAddressException.class)
        .hasMessageStartingWith("consul: must be host:port");
  }

  @Test
  void parse_trailingSlash_isAccepted() throws Exception {
    assertThat(ConsulAddress.parse("http://consul.service:8500/").host())
        .isEqualTo("consul.service");
  }

  @Test
  void fromObject_schemeAndToken_areTaken() throws Exception {
    ConsulAddress address = ConsulAddress.fromObject("consul:8501", "HTTPS", "secret");

    assertThat(address).isEqualTo(new ConsulAddress("https", "consul", 8501, "secret"));
    assertThat(address.toString()).doesNotContain("secret");
  }

  @Test
  void fromObject_missingAddress_namesAddressField() {
    assertThatThrownBy(() -> ConsulAddress.fromObject(null, "http", null))
        .isInstanceOf(InvalidConsulAddressException.class)
        .hasMessage("consul.address: is required, e.g. \"consul:8500\"");
  }

  @Test
  void fromObject_badScheme_namesSchemeField() {
    assertThatThrownBy(() -> ConsulAddress.fromObject("consul:8500", "tcp", null))
        .isInstanceOf(InvalidConsulAddressException.class)
        .hasMessage("consul.scheme: must be \"http\" or \"https\", got \"tcp\"");
  }

  @Test
  void fromObject_schemeContradictsAddress_isRejected() {
    assertThatThrownBy(() -> ConsulAddress.fromObject("https://consul:8501", "http", null))
        .isInstanceOf(InvalidConsulAddressException.class)
        .hasMessage("consul.scheme: is \"http\" but consul.address starts with https://");
  }

  @Test
  void withTokenFallback_noConfigToken_usesFallback() throws Exception {
    ConsulAddress address = ConsulAddress.parse("consul:8500").withTokenFallback("from-env");

    assertThat(address.token()).isEqualTo("from-env");
  }

  @Test
  void withTokenFallback_configToken_wins() throws Exception {
    ConsulAddress address =
        ConsulAddress.fromObject("consul:8500", null, "from-config").withTokenFallback("from-env");

    assertThat(address.token()).isEqualTo("from-config");
  }

  @Test
  void withTokenFallback_blankFallback_leavesNoToken() throws Exception {
    assertThat(ConsulAddress.parse("consul:8500").withTokenFallback("  ").token()).isNull();
  }
}
