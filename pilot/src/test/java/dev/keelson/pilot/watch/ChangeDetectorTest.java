package dev.keelson.pilot.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.ServiceInstance;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

  private static final ServiceInstance B1 = new ServiceInstance("10.0.0.1", 80);
  private static final ServiceInstance B2 = new ServiceInstance("10.0.0.2", 80);

  private final ChangeDetector detector = new ChangeDetector("db");

  @Test
  void observe_firstPollWithInstances_isAChange() {
    Optional<BackendChange> change = detector.observe(List.of(B1));

    assertThat(change).isPresent();
    assertThat(change.get().added()).containsExactly(B1);
    assertThat(change.get().previous()).isEmpty();
  }

  @Test
  void observe_firstPollEmpty_isNoChange() {
    assertThat(detector.observe(List.of())).isEmpty();
  }

  @Test
  void observe_sameSetInAnotherOrder_isNoChange() {
    detector.observe(List.of(B1, B2));

    assertThat(detector.observe(List.of(B2, B1))).isEmpty();
  }

  @Test
  void observe_instanceAdded_reportsAdded() {
    detector.observe(List.of(B1));

    BackendChange change = detector.observe(List.of(B1, B2)).orElseThrow();

    assertThat(change.added()).containsExactly(B2);
    assertThat(change.removed()).isEmpty();
  }

  @Test
  void observe_instanceRemoved_reportsRemoved() {
    detector.observe(List.of(B1, B2));

    BackendChange change = detector.observe(List.of(B2)).orElseThrow();

    assertThat(change.removed()).containsExactly(B1);
    assertThat(change.current()).containsExactly(B2);
  }

  @Test
  void observe_portChanged_isAChange() {
    detector.observe(List.of(B1));

    BackendChange change =
        detector.observe(List.of(new ServiceInstance("10.0.0.1", 81))).orElseThrow();

    assertThat(change.removed()).containsExactly(B1);
  }

  @Test
  void observe_allGone_isAChangeAndThenQuiet() {
    detector.observe(List.of(B1));

    assertThat(detector.observe(List.of())).isPresent();
    assertThat(detector.observe(List.of())).isEmpty();
    assertThat(detector.lastSeen()).isEmpty();
  }

  @Test
  void observe_duplicateAddressPort_countsOnce() {
    detector.observe(List.of(B1));

    assertThat(detector.observe(List.of(B1, B1))).isEmpty();
  }

  @Test
  void undo_changeWhoseOnChangeWasCut_isAChangeAgainOnTheNextPoll() {
    ChangeDetector detector = new ChangeDetector("db");
    BackendChange change =
        detector.observe(List.of(new ServiceInstance("10.0.0.5", 5432))).orElseThrow();

    detector.undo(change);

    assertThat(detector.observe(List.of(new ServiceInstance("10.0.0.5", 5432)))).isPresent();
  }
}
