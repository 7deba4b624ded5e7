package dev.keelson.pilot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.ServiceInstance;
import dev.keelson.pilot.watch.ChangeDetector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendStatesTest {

  private static final BackendStates.Key DB =
      new BackendStates.Key("db", Optional.empty(), "http://127.0.0.1:8500");

  private final BackendStates states = new BackendStates();

  private ChangeDetector seenOnce(BackendStates.Key key) {
    ChangeDetector detector = states.detectorFor(key);
    assertThat(detector.observe(List.of(new ServiceInstance("10.0.0.5", 5432)))).isPresent();
    states.commit();
    return detector;
  }

  @Test
  void sameBackendAfterAReload_keepsItsState_soAnUnchangedPollIsNoChange() {
    seenOnce(DB);

    ChangeDetector afterReload = states.detectorFor(DB);
    states.commit();

    assertThat(afterReload.observe(List.of(new ServiceInstance("10.0.0.5", 5432)))).isEmpty();
  }

  @Test
  void otherTagOrAgent_isAnotherBackend() {
    ChangeDetector before = seenOnce(DB);

    ChangeDetector tagged =
        states.detectorFor(new BackendStates.Key("db", Optional.of("primary"), DB.agent()));
    ChangeDetector elsewhere =
        states.detectorFor(new BackendStates.Key("db", Optional.empty(), "http://10.0.0.9:8500"));

    assertThat(tagged).isNotSameAs(before);
    assertThat(elsewhere).isNotSameAs(before);
    assertThat(tagged.lastSeen()).isEmpty();
  }

  @Test
  void backendDroppedByAReload_isForgotten() {
    ChangeDetector before = seenOnce(DB);
    states.commit(); // a config without it

    assertThat(states.detectorFor(DB)).isNotSameAs(before);
  }

  @Test
  void reloadThatFailed_keepsThePreviousStates() {
    ChangeDetector before = seenOnce(DB);
    states.detectorFor(new BackendStates.Key("other", Optional.empty(), DB.agent()));
    states.abandon();

    assertThat(states.detectorFor(DB)).isSameAs(before);
  }
}
