package dev.keelson.pilot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.ConsulAddress;
import dev.keelson.pilot.discovery.ConsulDiscoveryBackend;
import dev.keelson.pilot.discovery.ConsulOptions;
import dev.keelson.pilot.discovery.DiscoveryBackend;
import dev.keelson.pilot.discovery.ServiceInstance;
import dev.keelson.pilot.discovery.ServiceRegistrar;
import dev.keelson.pilot.discovery.ServiceRegistration;
import dev.keelson.pilot.network.HostInterfaces;
import dev.keelson.pilot.network.InterfaceSpecs;
import dev.keelson.testkit.ConsulAgent;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sensors scraped over real HTTP, and the endpoint advertised in a real Consul. */
class TelemetryIT {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void serve_sensorsRecorded_scrapeShowsValuesAndProcessMetrics() throws Exception {
    Telemetry telemetry = new Telemetry();
    Sensor requests =
        telemetry.register(
            new SensorDefinition("app", "web", "requests", "Requests served.", SensorType.COUNTER));
    Sensor queue =
        telemetry.register(
            new SensorDefinition("app", "", "queue", "Queue depth.", SensorType.GAUGE));
    Sensor latency =
        telemetry.register(
            new SensorDefinition("", "", "latency_seconds", "Latency.", SensorType.HISTOGRAM));
    for (int i = 0; i < 3; i++) {
      requests.recordOutput(" 1.5 \n");
    }
    requests.recordOutput("-4");
    queue.recordOutput("42");
    queue.recordOutput("notanumber");
    latency.recordOutput("0.3");
    InetAddress loopback =
        InetAddress.getByName(
            InterfaceSpecs.resolveTexts(List.of("lo"), HostInterfaces.addresses()));

    try (TelemetryServer server = telemetry.serve(loopback, 0)) {
      String body = scrape(server);

      assertThat(server.boundTo().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(body)
          .contains("# HELP app_web_requests_total Requests served.")
          .contains("# TYPE app_web_requests_total counter")
          .contains("\napp_web_requests_total 4.5\n")
          .contains("\napp_queue 42.0\n")
          .contains("\nlatency_seconds_bucket{le=\"0.5\"} 1\n")
          .contains("\nlatency_seconds_count 1\n")
          .containsPattern("\nprocess_resident_memory_bytes [0-9.eE+]+\n")
          .containsPattern("\nprocess_cpu_seconds_total [0-9.eE+-]+\n")
          .containsPattern("\nprocess_start_time_seconds [0-9.eE+]+\n")
          .containsPattern("\nprocess_open_fds [0-9.eE+]+\n");
    }
  }

  @Test
  void registration_telemetryService_isAdvertisedAsContainerpilot() throws Exception {
    try (ConsulAgent agent = ConsulAgent.start();
        DiscoveryBackend consul =
            ConsulDiscoveryBackend.connect(
                ConsulOptions.of(ConsulAddress.parse(agent.address())))) {
      ServiceRegistration registration =
          TelemetryService.registration("h1", "127.0.0.1", 9090, List.of("prom"));
      ServiceRegistrar registrar =
          ServiceRegistrar.forPoll(consul, registration, TelemetryService.POLL);

      registrar.healthy("ok");

      assertThat(registration.id()).isEqualTo("containerpilot-h1");
      assertThat(registration.ttl()).isEqualTo(Duration.ofSeconds(15));
      assertThat(consul.passingInstances("containerpilot", "prom"))
          .containsExactly(new ServiceInstance("127.0.0.1", 9090));
    }
  }

  private String scrape(TelemetryServer server) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.boundTo().getPort() + "/metrics");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
