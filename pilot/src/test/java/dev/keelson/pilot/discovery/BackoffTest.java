package dev.keelson.pilot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delayAfter_consecutiveFailures_doublesUpToMax() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

    assertThat(backoff.delayAfter(0)).isZero();
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void forPoll_shortPoll_neverWaitsLongerThanThePoll() {
    Backoff backoff = Backoff.forPoll(Duration.ofMillis(500));

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void forPoll_longPoll_startsAtOneSecond() {
    Backoff backoff = Backoff.forPoll(Duration.ofSeconds(10));

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void new_maxBelowInitial_isRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below initial");
  }
}
