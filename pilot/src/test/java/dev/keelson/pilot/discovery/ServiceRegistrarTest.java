package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.ServiceRegistrar.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServiceRegistrarTest {

  private final RecordingBackend backend = new RecordingBackend();
  private final AtomicLong nanos = new AtomicLong();
  private final ServiceRegistrar registrar =
      new ServiceRegistrar(
          backend,
          new ServiceRegistration("app-h", "app", "10.0.0.2", 80, List.of(), Duration.ofSeconds(5)),
          new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)),
          nanos::get);

  @Test
  void healthy_firstTime_registersAlreadyPassing() {
    Outcome outcome = registrar.healthy("ok");

    assertThat(outcome).isEqualTo(Outcome.REGISTERED);
    assertThat(backend.calls).containsExactly("register app-h passing");
  }

  @Test
  void healthy_afterRegistration_onlyPasses() {
    registrar.healthy("ok");
    Outcome outcome = registrar.healthy("ok");

    assertThat(outcome).isEqualTo(Outcome.UPDATED);
    assertThat(backend.calls).containsExactly("register app-h passing", "ttl app-h passing ok");
  }

  @Test
  void healthy_agentLostTheService_registersAgain() {
    registrar.healthy("ok");
    backend.statusById.clear(); // what an agent restart looks like

    Outcome outcome = registrar.healthy("ok");

    assertThat(outcome).isEqualTo(Outcome.REGISTERED);
    assertThat(backend.calls)
        .containsExactly(
            "register app-h passing", "ttl app-h passing ok", "register app-h passing");
  }

  @Test
  void unhealthy_registered_failsWithOutputAsNote() {
    registrar.healthy("ok");
    registrar.unhealthy("disk full");

    assertThat(backend.calls).last().isEqualTo("ttl app-h critical disk full");
    assertThat(backend.statusById).containsEntry("app-h", CheckStatus.CRITICAL);
  }

  @Test
  void unhealthy_neverRegistered_registersCriticalWithNote() {
    registrar.unhealthy("starting");

    assertThat(backend.calls)
        .containsExactly("register app-h critical", "ttl app-h critical starting");
  }

  @Test
  void pause_registered_deregistersAndIgnoresHealth() {
    registrar.healthy("ok");

    registrar.pause();
    Outcome whilePaused = registrar.healthy("ok");

    assertThat(whilePaused).isEqualTo(Outcome.SKIPPED);
    assertThat(backend.calls).containsExactly("register app-h passing", "deregister app-h");
  }

  @Test
  void resume_afterPause_registersAtOnceWithLastStatus() {
    registrar.healthy("ok");
    registrar.pause();

    Outcome outcome = registrar.resume();

    assertThat(outcome).isEqualTo(Outcome.REGISTERED);
    assertThat(backend.calls).last().isEqualTo("register app-h passing");
    assertThat(registrar.isPaused()).isFalse();
  }

  @Test
  void resume_noHealthReportedYet_registersNothing() {
    registrar.pause();

    assertThat(registrar.resume()).isEqualTo(Outcome.SKIPPED);
    assertThat(backend.calls).containsExactly("deregister app-h");
  }

  @Test
  void healthy_agentUnreachable_defersUntilBackoffElapsed() {
    backend.unreachable = true;
    assertThat(registrar.healthy("ok")).isEqualTo(Outcome.FAILED);

    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(registrar.healthy("ok")).isEqualTo(Outcome.DEFERRED);

    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(registrar.healthy("ok")).isEqualTo(Outcome.FAILED);
    // second failure: the wait doubles to 2 s
    nanos.addAndGet(Duration.ofMillis(1999).toNanos());
    assertThat(registrar.healthy("ok")).isEqualTo(Outcome.DEFERRED);

    backend.unreachable = false;
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(registrar.healthy("ok")).isEqualTo(Outcome.REGISTERED);
    assertThat(backend.calls)
        .containsExactly(
            "unreachable: register app-h passing",
            "unreachable: register app-h passing",
            "register app-h passing");
  }

  @Test
  void healthy_afterDeregister_doesNotRegisterAgain() {
    registrar.healthy("ok");
    registrar.deregister();

    Outcome late = registrar.healthy("ok");

    assertThat(late).isEqualTo(Outcome.SKIPPED);
    assertThat(registrar.resume()).isEqualTo(Outcome.SKIPPED);
    assertThat(backend.calls).containsExactly("register app-h passing", "deregister app-h");
  }

  @Test
  void deregister_duringBackoff_stillAttempts() {
    backend.unreachable = true;
    registrar.healthy("ok");
    backend.unreachable = false;

    assertThat(registrar.deregister()).isEqualTo(Outcome.UPDATED);
    assertThat(backend.calls).last().isEqualTo("deregister app-h");
  }
}
