package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.pilot.discovery.ServiceRegistrar.Outcome;
import dev.keelson.testkit.ConsulAgent;
import dev.keelson.testkit.Eventually;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The consul-api adapter and the registrar against a real Consul 1.8.7 dev agent. */
class ConsulDiscoveryBackendIT {

  private static final Logger log = LoggerFactory.getLogger(ConsulDiscoveryBackendIT.class);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static ConsulAgent agent;
  private static ConsulProbe probe;
  private static ConsulDiscoveryBackend backend;

  @BeforeAll
  static void startAgent() throws Exception {
    agent = ConsulAgent.start();
    probe = new ConsulProbe(agent);
    backend =
        ConsulDiscoveryBackend.connect(ConsulOptions.of(ConsulAddress.parse(agent.address())));
  }

  @AfterAll
  static void stopAgent() {
    backend.close();
    agent.close();
  }

  @AfterEach
  void deregisterAll() throws Exception {
    for (String id : List.of("web-h1", "web-h2", "web-h3", "ttl-h1", "maint-h1", "fail-h1")) {
      backend.deregister(id);
    }
  }

  @Test
  void register_service_isInTheCatalogWithAddressPortAndTags() throws Exception {
    backend.register(
        registration("web-h1", "web", "10.0.0.7", 8080, List.of("v1", "blue")),
        CheckStatus.CRITICAL);

    assertThat(probe.catalog("web"))
        .containsExactly(new ConsulProbe.Entry("web-h1", "10.0.0.7", 8080, List.of("v1", "blue")));
    assertThat(probe.checkStatus("web", "web-h1")).contains("critical");
    // ContainerPilot 2.0.1's check name and notes (Consul's default would be "Service 'web' check")
    assertThat(probe.checkNameAndNotes("web", "web-h1"))
        .contains("web-h1|TTL for web set by containerpilot");
  }

  @Test
  void healthy_firstHeartbeat_isPassingWithoutASecondPoll() {
    ServiceRegistrar registrar =
        ServiceRegistrar.forPoll(
            backend,
            registration("web-h2", "web", "10.0.0.8", 80, List.of()),
            Duration.ofSeconds(1));

    long start = System.nanoTime();
    Outcome outcome = registrar.healthy("ok");
    Eventually.await(
        "web-h2 passing",
        WAIT,
        () -> probe.checkStatus("web", "web-h2"),
        Optional.of("passing")::equals);
    log.info(
        "first heartbeat -> passing in Consul: {} ms", (System.nanoTime() - start) / 1_000_000);

    assertThat(outcome).isEqualTo(Outcome.REGISTERED);
    assertThat(probe.catalog("web")).extracting(ConsulProbe.Entry::id).containsExactly("web-h2");
  }

  @Test
  void heartbeat_healthyThenFailing_passesThenCriticalWithNote() {
    AtomicBoolean healthy = new AtomicBoolean(true);
    ServiceRegistrar registrar =
        ServiceRegistrar.forPoll(
            backend,
            registration("fail-h1", "fail", "10.0.0.10", 80, List.of()),
            Duration.ofMillis(200));
    try (ServiceHeartbeat heartbeat =
        new ServiceHeartbeat(
            registrar,
            Duration.ofMillis(200),
            () ->
                healthy.get()
                    ? ServiceHeartbeat.HealthResult.passed()
                    : ServiceHeartbeat.HealthResult.failed("exit 1: db down"))) {
      long start = System.nanoTime();
      heartbeat.start(Duration.ZERO);
      Eventually.await(
          "fail-h1 passing",
          WAIT,
          () -> probe.checkStatus("fail", "fail-h1"),
          Optional.of("passing")::equals);
      log.info(
          "heartbeat start -> passing in Consul: {} ms", (System.nanoTime() - start) / 1_000_000);

      healthy.set(false);
      long failedAt = System.nanoTime();
      Eventually.await(
          "fail-h1 critical",
          WAIT,
          () -> probe.checkStatus("fail", "fail-h1"),
          Optional.of("critical")::equals);
      log.info(
          "health fails (poll 200 ms) -> critical in Consul: {} ms",
          (System.nanoTime() - failedAt) / 1_000_000);

      assertThat(probe.checkOutput("fail", "fail-h1")).contains("exit 1: db down");
    }
  }

  @Test
  void register_noHeartbeats_turnsCriticalWithinTtl() throws Exception {
    ServiceRegistration registration =
        new ServiceRegistration("ttl-h1", "ttl", "10.0.0.9", 80, List.of(), Duration.ofSeconds(2));
    backend.register(registration, CheckStatus.PASSING);
    long start = System.nanoTime();
    assertThat(probe.checkStatus("ttl", "ttl-h1")).contains("passing");

    Eventually.await(
        "ttl-h1 critical after its 2 s TTL",
        Duration.ofSeconds(6),
        () -> probe.checkStatus("ttl", "ttl-h1"),
        Optional.of("critical")::equals);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    log.info("ttl 2 s without heartbeat -> critical after {} ms", elapsedMillis);

    assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_900);
    assertThat(probe.checkOutput("ttl", "ttl-h1").orElse("")).contains("TTL expired");
  }

  @Test
  void unhealthy_registered_isCriticalAtOnceWithOutputAsNote() {
    ServiceRegistrar registrar =
        ServiceRegistrar.forPoll(
            backend,
            registration("fail-h1", "fail", "10.0.0.10", 80, List.of()),
            Duration.ofSeconds(1));
    registrar.healthy("ok");

    Outcome outcome = registrar.unhealthy("connection refused on :80");

    assertThat(outcome).isEqualTo(Outcome.UPDATED);
    assertThat(probe.checkStatus("fail", "fail-h1")).contains("critical");
    assertThat(probe.checkOutput("fail", "fail-h1")).contains("connection refused on :80");
  }

  @Test
  void deregister_registered_removesServiceAndCheck() throws Exception {
    backend.register(
        registration("web-h3", "web", "10.0.0.11", 80, List.of()), CheckStatus.PASSING);

    backend.deregister("web-h3");

    assertThat(probe.catalog("web")).isEmpty();
    assertThat(probe.checkStatus("web", "web-h3")).isEmpty();
  }

  @Test
  void deregister_unknownService_succeeds() throws Exception {
    backend.deregister("never-registered");

    assertThat(probe.catalog("never-registered")).isEmpty();
  }

  @Test
  void setMaintenance_onThenOff_leavesAndRejoinsPassingList() throws Exception {
    backend.register(
        registration("maint-h1", "maint", "10.0.0.12", 80, List.of()), CheckStatus.PASSING);
    assertThat(backend.passingInstances("maint", null))
        .containsExactly(new ServiceInstance("10.0.0.12", 80));

    backend.setMaintenance("maint-h1", true, "draining");
    assertThat(backend.passingInstances("maint", null)).isEmpty();
    assertThat(probe.catalog("maint")).hasSize(1);

    backend.setMaintenance("maint-h1", false, "");
    assertThat(backend.passingInstances("maint", null))
        .containsExactly(new ServiceInstance("10.0.0.12", 80));
  }

  @Test
  void pauseResume_registrar_deregistersThenRegistersAgainAtOnce() {
    ServiceRegistrar registrar =
        ServiceRegistrar.forPoll(
            backend,
            registration("maint-h1", "maint", "10.0.0.12", 80, List.of()),
            Duration.ofSeconds(1));
    registrar.healthy("ok");

    registrar.pause();
    assertThat(probe.catalog("maint")).isEmpty();

    Outcome outcome = registrar.resume();
    assertThat(outcome).isEqualTo(Outcome.REGISTERED);
    assertThat(probe.checkStatus("maint", "maint-h1")).contains("passing");
  }

  @Test
  void passingInstances_tagAndHealth_filterInstances() throws Exception {
    backend.register(
        registration("web-h1", "web", "10.0.0.1", 81, List.of("blue")), CheckStatus.PASSING);
    backend.register(
        registration("web-h2", "web", "10.0.0.2", 82, List.of("green")), CheckStatus.PASSING);
    backend.register(
        registration("web-h3", "web", "10.0.0.3", 83, List.of("blue")), CheckStatus.CRITICAL);

    assertThat(backend.passingInstances("web", null))
        .containsExactly(new ServiceInstance("10.0.0.1", 81), new ServiceInstance("10.0.0.2", 82));
    assertThat(backend.passingInstances("web", "blue"))
        .containsExactly(new ServiceInstance("10.0.0.1", 81));
  }

  @Test
  void updateTtl_passWarnFail_setsStatusAndNote() throws Exception {
    backend.register(
        registration("web-h1", "web", "10.0.0.1", 80, List.of()), CheckStatus.CRITICAL);

    backend.updateTtl("web-h1", CheckStatus.PASSING, "all good");
    assertThat(probe.checkStatus("web", "web-h1")).contains("passing");
    assertThat(probe.checkOutput("web", "web-h1")).contains("all good");

    backend.updateTtl("web-h1", CheckStatus.WARNING, "slow responses");
    assertThat(probe.checkStatus("web", "web-h1")).contains("warning");
    assertThat(probe.checkOutput("web", "web-h1")).contains("slow responses");
    assertThat(backend.passingInstances("web", null))
        .as("Consul's passing filter drops warning")
        .isEmpty();

    backend.updateTtl("web-h1", CheckStatus.CRITICAL, "down");
    assertThat(probe.checkStatus("web", "web-h1")).contains("critical");
    assertThat(probe.checkOutput("web", "web-h1")).contains("down");
  }

  @Test
  void updateTtl_unknownCheck_throwsNotRegistered() {
    assertThatThrownBy(() -> backend.updateTtl("nobody-h1", CheckStatus.PASSING, "ok"))
        .isInstanceOf(NotRegisteredException.class)
        .hasMessageContaining("nobody-h1")
        .hasMessageContaining("does not have associated TTL");
  }

  @Test
  void passingInstances_agentNeverAnswers_failsWithinTheCallTimeout() throws Exception {
    // a socket that accepts connections (kernel backlog) but never answers: a hung agent
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ConsulDiscoveryBackend slow =
            ConsulDiscoveryBackend.connect(
                ConsulOptions.of(ConsulAddress.parse("127.0.0.1:" + silent.getLocalPort()))
                    .withCallTimeout(Duration.ofMillis(300)))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> slow.passingInstances("web", null))
          .isInstanceOf(DiscoveryUnavailableException.class)
          .hasMessageContaining("query web failed")
          .hasMessageContaining("unreachable");
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      log.info("silent agent, 300 ms call timeout -> failed after {} ms", elapsedMillis);
      assertThat(elapsedMillis).isLessThan(3_000);
    }
  }

  @Test
  void deregisterAll_agentHangs_returnsWithinBudget() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ConsulDiscoveryBackend slow =
            ConsulDiscoveryBackend.connect(
                ConsulOptions.of(ConsulAddress.parse("127.0.0.1:" + silent.getLocalPort()))
                    .withCallTimeout(Duration.ofSeconds(5)));
        RegisteredServices services =
            new RegisteredServices(
                List.of(
                    ServiceRegistrar.forPoll(
                        slow,
                        registration("web-h1", "web", "10.0.0.1", 80, List.of()),
                        Duration.ofSeconds(1)),
                    ServiceRegistrar.forPoll(
                        slow,
                        registration("web-h2", "web", "10.0.0.2", 80, List.of()),
                        Duration.ofSeconds(1))))) {
      long start = System.nanoTime();

      boolean finished = services.deregisterAll(Duration.ofMillis(500));

      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      log.info(
          "deregisterAll against a hung agent, 500 ms budget -> returned after {} ms",
          elapsedMillis);
      assertThat(finished).isFalse();
      assertThat(elapsedMillis).isLessThan(3_000);
    }
  }

  @Test
  void register_nothingListening_failsAsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket probeSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probeSocket.getLocalPort();
    }
    try (ConsulDiscoveryBackend down =
        ConsulDiscoveryBackend.connect(
            ConsulOptions.of(ConsulAddress.parse("127.0.0.1:" + closedPort)))) {
      assertThatThrownBy(
              () ->
                  down.register(
                      registration("web-h1", "web", "10.0.0.1", 80, List.of()),
                      CheckStatus.PASSING))
          .isInstanceOf(DiscoveryUnavailableException.class)
          .hasMessageStartingWith(
              "register web-h1 failed: http://127.0.0.1:" + closedPort + " unreachable");
    }
  }

  private static ServiceRegistration registration(
      String id, String name, String address, int port, List<String> tags) {
    return new ServiceRegistration(id, name, address, port, tags, Duration.ofSeconds(30));
  }
}
