package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.ServiceHeartbeat.HealthResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServiceHeartbeatTest {

  private final RecordingBackend backend = new RecordingBackend();
  private final ServiceRegistrar registrar =
      ServiceRegistrar.forPoll(
          backend,
          new ServiceRegistration("app-h", "app", "10.0.0.2", 80, List.of(), Duration.ofSeconds(5)),
          Duration.ofSeconds(1));

  @Test
  void tick_passThenFail_registersPassingThenFailsWithOutput() {
    Deque<HealthResult> results =
        new ArrayDeque<>(List.of(HealthResult.passed(), HealthResult.failed("exit 7: not ready")));
    ServiceHeartbeat heartbeat =
        new ServiceHeartbeat(registrar, Duration.ofSeconds(1), results::pop);

    heartbeat.tick();
    heartbeat.tick();

    assertThat(backend.calls)
        .containsExactly("register app-h passing", "ttl app-h critical exit 7: not ready");
  }

  @Test
  void tick_noHealthCommand_alwaysPasses() {
    ServiceHeartbeat heartbeat = new ServiceHeartbeat(registrar, Duration.ofSeconds(1), null);

    heartbeat.tick();
    heartbeat.tick();

    assertThat(backend.calls).containsExactly("register app-h passing", "ttl app-h passing ok");
  }

  @Test
  void tick_inMaintenance_runsNoCheck() {
    registrar.pause();
    ServiceHeartbeat heartbeat =
        new ServiceHeartbeat(
            registrar,
            Duration.ofSeconds(1),
            () -> {
              throw new AssertionError("no health check may run in maintenance");
            });

    heartbeat.tick();

    assertThat(backend.calls).containsExactly("deregister app-h");
  }

  @Test
  void start_checkThrows_keepsCheckingAndReportsFailure() throws Exception {
    CountDownLatch twoChecks = new CountDownLatch(2);
    try (ServiceHeartbeat heartbeat =
        new ServiceHeartbeat(
            registrar,
            Duration.ofMillis(20),
            () -> {
              twoChecks.countDown();
              throw new IllegalStateException("cannot fork");
            })) {
      heartbeat.start(Duration.ZERO);

      assertThat(twoChecks.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(backend.calls)
        .startsWith(
            "register app-h critical",
            "ttl app-h critical health check could not run: cannot fork");
  }

  @Test
  void start_zeroDelay_firstCheckRunsAtOnceAndRepeats() throws Exception {
    CountDownLatch threeChecks = new CountDownLatch(3);
    try (ServiceHeartbeat heartbeat =
        new ServiceHeartbeat(
            registrar,
            Duration.ofMillis(20),
            () -> {
              threeChecks.countDown();
              return HealthResult.passed();
            })) {
      heartbeat.start(Duration.ZERO);

      assertThat(threeChecks.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(backend.calls).first().isEqualTo("register app-h passing");
  }
}
