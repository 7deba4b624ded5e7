package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.testkit.ConsulAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent serving HTTPS with a test-made CA and enforcing ACLs (deny by default). */
class ConsulTlsIT {

  private static final String TOKEN = "3f0b9c1e-7a3d-4c39-9d5e-5b8d1c2e4f60";

  @TempDir static Path certificates;

  private static ConsulAgent agent;
  private static ConsulAgent.TlsFiles tls;

  @BeforeAll
  static void startAgent() {
    tls = ConsulAgent.createTlsFiles(certificates);
    agent = ConsulAgent.builder().https(tls).aclMasterToken(TOKEN).start();
  }

  @AfterAll
  static void stopAgent() {
    agent.close();
  }

  @Test
  void register_httpsWithTrustedCaAndToken_isPassing() throws Exception {
    ConsulAddress address =
        ConsulAddress.fromObject("127.0.0.1:" + agent.httpsPort(), "https", null)
            .withTokenFallback(TOKEN); // as if read from CONSUL_HTTP_TOKEN
    try (ConsulDiscoveryBackend backend =
        ConsulDiscoveryBackend.connect(ConsulOptions.of(address).withCaFile(tls.caFile()))) {
      backend.register(registration(), CheckStatus.PASSING);

      assertThat(backend.passingInstances("secure", null))
          .containsExactly(new ServiceInstance("10.0.0.3", 443));
      assertThat(new ConsulProbe(agent, TOKEN).checkStatus("secure", "secure-h1"))
          .contains("passing");
      backend.deregister("secure-h1");
    }
  }

  @Test
  void register_httpsWithoutToken_isDeniedByAcl() throws Exception {
    try (ConsulDiscoveryBackend backend =
        ConsulDiscoveryBackend.connect(
            ConsulOptions.of(ConsulAddress.parse("https://127.0.0.1:" + agent.httpsPort()))
                .withCaFile(tls.caFile()))) {
      assertThatThrownBy(() -> backend.register(registration(), CheckStatus.PASSING))
          .isInstanceOf(DiscoveryException.class)
          .isNotInstanceOf(DiscoveryUnavailableException.class)
          .hasMessageContaining("register secure-h1 failed: HTTP 403");
    }
  }

  @Test
  void register_httpsWithUntrustedCertificate_fails() throws Exception {
    ConsulAddress address =
        ConsulAddress.fromObject("https://127.0.0.1:" + agent.httpsPort(), null, TOKEN);
    try (ConsulDiscoveryBackend backend =
        ConsulDiscoveryBackend.connect(
            ConsulOptions.of(address).withCallTimeout(Duration.ofSeconds(2)))) {
      assertThatThrownBy(() -> backend.register(registration(), CheckStatus.PASSING))
          .isInstanceOf(DiscoveryUnavailableException.class)
          .hasMessageContaining("SSLHandshakeException");
    }
  }

  /** CONSUL_HTTP_SSL_VERIFY=false, as the Go client honoured it: any certificate, any name. */
  @Test
  void register_httpsWithVerificationOff_acceptsTheUntrustedCertificate() throws Exception {
    ConsulAddress address =
        ConsulAddress.fromObject("https://localhost:" + agent.httpsPort(), null, TOKEN);
    try (ConsulDiscoveryBackend backend =
        ConsulDiscoveryBackend.connect(
            ConsulOptions.fromEnvironment(
                address, java.util.Map.of("CONSUL_HTTP_SSL_VERIFY", "false")))) {
      backend.register(registration(), CheckStatus.PASSING);
      assertThat(new ConsulProbe(agent, TOKEN).checkStatus("secure", "secure-h1"))
          .contains("passing");
      backend.deregister("secure-h1");
    }
  }

  private static ServiceRegistration registration() {
    return new ServiceRegistration(
        "secure-h1", "secure", "10.0.0.3", 443, List.of(), Duration.ofSeconds(30));
  }
}
