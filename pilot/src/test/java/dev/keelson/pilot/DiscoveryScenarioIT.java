package dev.keelson.pilot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.ConsulAddress;
import dev.keelson.pilot.discovery.ConsulDiscoveryBackend;
import dev.keelson.pilot.discovery.ConsulOptions;
import dev.keelson.pilot.discovery.DiscoveryBackend;
import dev.keelson.pilot.discovery.DiscoveryException;
import dev.keelson.pilot.discovery.LoggingDiscoveryBackend;
import dev.keelson.pilot.discovery.RegisteredServices;
import dev.keelson.pilot.discovery.ServiceHeartbeat;
import dev.keelson.pilot.discovery.ServiceHeartbeat.HealthResult;
import dev.keelson.pilot.discovery.ServiceInstance;
import dev.keelson.pilot.discovery.ServiceRegistrar;
import dev.keelson.pilot.discovery.ServiceRegistration;
import dev.keelson.pilot.network.HostInterfaces;
import dev.keelson.pilot.network.InterfaceSpecs;
import dev.keelson.pilot.network.IpLiterals;
import dev.keelson.pilot.telemetry.Sensor;
import dev.keelson.pilot.telemetry.SensorDefinition;
import dev.keelson.pilot.telemetry.SensorPoller;
import dev.keelson.pilot.telemetry.SensorType;
import dev.keelson.pilot.telemetry.Telemetry;
import dev.keelson.pilot.telemetry.TelemetryServer;
import dev.keelson.pilot.telemetry.TelemetryService;
import dev.keelson.pilot.watch.BackendChange;
import dev.keelson.pilot.watch.BackendPoller;
import dev.keelson.testkit.ConsulAgent;
import dev.keelson.testkit.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's "done when", composed as the supervisor will wire it: a service and the telemetry
 * endpoint heartbeating into a real agent, a backend watch seeing them, a maintenance round trip, a
 * failing health check, and deregistration at stop.
 */
class DiscoveryScenarioIT {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<BackendChange> appChanges = new LinkedBlockingQueue<>();

  @Test
  void pilot_fullLifecycle_keepsConsulAndWatchersCurrent() throws Exception {
    AtomicBoolean appHealthy = new AtomicBoolean(true);
    String address = InterfaceSpecs.resolveTexts(List.of("eth9", "lo"), HostInterfaces.addresses());
    Telemetry telemetry = new Telemetry();
    Sensor queue =
        telemetry.register(
            new SensorDefinition("app", "", "queue", "Queue depth.", SensorType.GAUGE));

    try (ConsulAgent agent = ConsulAgent.start();
        DiscoveryBackend consul =
            new LoggingDiscoveryBackend(
                ConsulDiscoveryBackend.connect(
                    ConsulOptions.of(ConsulAddress.parse(agent.address()))));
        TelemetryServer metrics = telemetry.serve(IpLiterals.parse(address), 0)) {
      ServiceRegistrar app =
          ServiceRegistrar.forPoll(
              consul,
              new ServiceRegistration(
                  ServiceRegistration.idFor("app", "h1"),
                  "app",
                  address,
                  8000,
                  List.of("web"),
                  Duration.ofSeconds(5)),
              POLL);
      ServiceRegistrar telemetryService =
          ServiceRegistrar.forPoll(
              consul,
              TelemetryService.registration("h1", address, metrics.boundTo().getPort(), List.of()),
              POLL);
      try (RegisteredServices services = new RegisteredServices(List.of(app, telemetryService));
          ServiceHeartbeat appHeartbeat =
              new ServiceHeartbeat(
                  app,
                  POLL,
                  () ->
                      appHealthy.get()
                          ? HealthResult.passed()
                          : HealthResult.failed("exit 2: 503"));
          ServiceHeartbeat telemetryHeartbeat = new ServiceHeartbeat(telemetryService, POLL, null);
          SensorPoller sensor = new SensorPoller(queue, POLL, () -> "42\n");
          BackendPoller watcher = new BackendPoller(consul, "app", "web", POLL, appChanges::add)) {
        ServiceInstance appInstance = new ServiceInstance(address, 8000);
        appHeartbeat.start(Duration.ZERO);
        telemetryHeartbeat.start(Duration.ZERO);
        sensor.start(Duration.ZERO);
        watcher.start(Duration.ZERO);

        assertThat(nextChange().current()).containsExactly(appInstance);
        Eventually.await(
            "containerpilot passing",
            WAIT,
            () -> passing(consul, TelemetryService.NAME),
            Set.of(new ServiceInstance(address, metrics.boundTo().getPort()))::equals);
        Eventually.await(
            "sensor value scraped",
            WAIT,
            () -> scrape(metrics),
            body -> body.contains("\napp_queue 42.0\n"));

        assertThat(services.toggleMaintenance(WAIT)).isTrue();
        watcher.pause();
        sensor.pause();
        assertThat(consul.passingInstances("app", null)).isEmpty();
        assertThat(consul.passingInstances(TelemetryService.NAME, null)).isEmpty();

        assertThat(services.toggleMaintenance(WAIT)).isFalse();
        watcher.resume();
        sensor.resume();
        assertThat(consul.passingInstances("app", null))
            .as("registered again at once")
            .containsExactly(appInstance);

        appHealthy.set(false);
        assertThat(nextChange().removed()).containsExactly(appInstance);

        // heartbeats keep ticking: a deregistered service must stay deregistered
        assertThat(services.deregisterAll(WAIT)).isTrue();
        assertThat(catalogEmpty(agent)).as("nothing registered right after deregisterAll").isTrue();
        long until = System.nanoTime() + 3 * POLL.toNanos();
        Eventually.await(
            "three heartbeat polls to pass", WAIT, () -> System.nanoTime() - until > 0);
        assertThat(catalogEmpty(agent)).as("still nothing registered three polls later").isTrue();
      }
    }
  }

  private BackendChange nextChange() throws InterruptedException {
    BackendChange change = appChanges.poll(10, TimeUnit.SECONDS);
    assertThat(change).as("an onChange for app within 10 s").isNotNull();
    return change;
  }

  private static Set<ServiceInstance> passing(DiscoveryBackend consul, String name) {
    try {
      return Set.copyOf(consul.passingInstances(name, null));
    } catch (DiscoveryException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean catalogEmpty(ConsulAgent agent) {
    String services = get("http://" + agent.address() + "/v1/agent/services");
    return services.strip().equals("{}");
  }

  private static String scrape(TelemetryServer metrics) {
    return get("http://127.0.0.1:" + metrics.boundTo().getPort() + "/metrics");
  }

  private static String get(String url) {
    try {
      HttpClient http = HttpClient.newHttpClient();
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
