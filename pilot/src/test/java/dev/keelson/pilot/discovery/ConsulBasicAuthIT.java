package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keelson.testkit.ConsulAgent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code CONSUL_HTTP_AUTH}: a real agent behind a loopback proxy that asks for HTTP basic
 * authentication, as a reverse proxy in front of Consul does, and forwards what it lets through.
 */
class ConsulBasicAuthIT {

  /** {@code ops:s3cret}, as a client sends it. */
  private static final String EXPECTED = "Basic b3BzOnMzY3JldA==";

  private static ConsulAgent agent;
  private static HttpServer proxy;

  @BeforeAll
  static void start() throws IOException {
    agent = ConsulAgent.start();
    HttpClient upstream = HttpClient.newHttpClient();
    proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", exchange -> forward(upstream, exchange));
    proxy.start();
  }

  @AfterAll
  static void stop() {
    proxy.stop(0);
    agent.close();
  }

  @Test
  void register_throughAProxyAskingForBasicAuth_sendsTheCredentialsFromTheEnvironment()
      throws Exception {
    try (ConsulDiscoveryBackend backend =
        ConsulDiscoveryBackend.connect(
            ConsulOptions.fromEnvironment(proxied(), Map.of("CONSUL_HTTP_AUTH", "ops:s3cret")))) {
      backend.register(registration(), CheckStatus.PASSING);
      assertThat(new ConsulProbe(agent).checkStatus("guarded", "guarded-h1")).contains("passing");
      backend.deregister("guarded-h1");
    }
  }

  @Test
  void register_throughThatProxyWithoutCredentials_isRefused() throws Exception {
    try (ConsulDiscoveryBackend backend =
        ConsulDiscoveryBackend.connect(ConsulOptions.fromEnvironment(proxied(), Map.of()))) {
      assertThatThrownBy(() -> backend.register(registration(), CheckStatus.PASSING))
          .isInstanceOf(DiscoveryException.class)
          .hasMessageContaining("HTTP 401");
    }
  }

  private static ConsulAddress proxied() throws InvalidConsulAddressException {
    return ConsulAddress.parse("127.0.0.1:" + proxy.getAddress().getPort());
  }

  private static void forward(HttpClient upstream, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (!EXPECTED.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"consul\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      URI target = URI.create("http://" + agent.address() + exchange.getRequestURI().toString());
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
              .timeout(Duration.ofSeconds(10))
              .build();
      HttpResponse<byte[]> response =
          upstream.send(request, HttpResponse.BodyHandlers.ofByteArray());
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ServiceRegistration registration() {
    return new ServiceRegistration(
        "guarded-h1", "guarded", "10.0.0.4", 80, List.of(), Duration.ofSeconds(30));
  }
}
