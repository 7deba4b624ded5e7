package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.ServiceRegistrar.Outcome;
import dev.keelson.testkit.ConsulAgent;
import dev.keelson.testkit.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Consul killed and restarted mid-run (issue 6 §7): the heartbeat path registers again. */
class ConsulRestartIT {

  private static final Logger log = LoggerFactory.getLogger(ConsulRestartIT.class);

  private static ConsulAgent agent;
  private static ConsulDiscoveryBackend backend;

  @BeforeAll
  static void startAgent() throws Exception {
    agent = ConsulAgent.start();
    backend =
        ConsulDiscoveryBackend.connect(
            ConsulOptions.of(ConsulAddress.parse(agent.address()))
                .withCallTimeout(Duration.ofMillis(500)));
  }

  @AfterAll
  static void stopAgent() {
    backend.close();
    agent.close();
  }

  @Test
  void healthy_agentKilledAndRestarted_registersAgain() {
    ConsulProbe probe = new ConsulProbe(agent);
    ServiceRegistrar registrar =
        new ServiceRegistrar(
            backend,
            new ServiceRegistration(
                "app-h1", "app", "10.0.0.5", 80, List.of(), Duration.ofSeconds(10)),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)),
            System::nanoTime);
    assertThat(registrar.healthy("ok")).isEqualTo(Outcome.REGISTERED);
    assertThat(registrar.healthy("ok")).isEqualTo(Outcome.UPDATED);

    agent.kill();
    List<Outcome> whileDown = new ArrayList<>();
    whileDown.add(registrar.healthy("ok"));
    whileDown.add(registrar.healthy("ok"));
    agent.restart();
    assertThat(probe.catalog("app")).isEmpty(); // a restarted dev agent forgot everything

    long start = System.nanoTime();
    // each probe is one "poll": a health report, as the service's job would send
    Outcome recovered =
        Eventually.await(
            "a heartbeat to register app-h1 again",
            Duration.ofSeconds(10),
            () -> registrar.healthy("ok"),
            Outcome.REGISTERED::equals);
    log.info("agent back -> registered again after {} ms", (System.nanoTime() - start) / 1_000_000);

    assertThat(whileDown).containsExactly(Outcome.FAILED, Outcome.DEFERRED);
    assertThat(recovered).isEqualTo(Outcome.REGISTERED);
    assertThat(probe.checkStatus("app", "app-h1")).isEqualTo(Optional.of("passing"));
    assertThat(registrar.healthy("ok")).isEqualTo(Outcome.UPDATED);
  }
}
