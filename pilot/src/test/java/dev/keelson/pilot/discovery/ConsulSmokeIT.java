package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.ecwid.consul.v1.ConsulClient;
import com.ecwid.consul.v1.agent.model.NewService;
import com.ecwid.consul.v1.health.HealthServicesRequest;
import com.ecwid.consul.v1.health.model.HealthService;
import dev.keelson.testkit.ConsulAgent;
import dev.keelson.testkit.Eventually;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Consul 1.8.7 dev agent takes a TTL-checked service through consul-api. */
class ConsulSmokeIT {

  private static ConsulAgent agent;
  private static ConsulClient consul;

  @BeforeAll
  static void startAgent() {
    agent = ConsulAgent.start();
    consul = new ConsulClient(agent.host(), agent.httpPort());
  }

  @AfterAll
  static void stopAgent() {
    agent.close();
  }

  @Test
  void ttlService_registerPassDeregister_movesThroughTheCatalog() {
    NewService service = new NewService();
    service.setId("smoke-1");
    service.setName("smoke");
    service.setAddress("127.0.0.1");
    service.setPort(8080);
    NewService.Check check = new NewService.Check();
    check.setTtl("30s");
    service.setCheck(check);

    consul.agentServiceRegister(service);
    assertThat(passingIds()).isEmpty(); // TTL checks start critical

    consul.agentCheckPass("service:smoke-1", "ok");
    Eventually.await(
        "smoke-1 to pass", Duration.ofSeconds(10), this::passingIds, List.of("smoke-1")::equals);

    consul.agentServiceDeregister("smoke-1");
    assertThat(consul.getAgentServices().getValue()).doesNotContainKey("smoke-1");
  }

  private List<String> passingIds() {
    HealthServicesRequest request = HealthServicesRequest.newBuilder().setPassing(true).build();
    return consul.getHealthServices("smoke", request).getValue().stream()
        .map(HealthService::getService)
        .map(HealthService.Service::getId)
        .toList();
  }
}
