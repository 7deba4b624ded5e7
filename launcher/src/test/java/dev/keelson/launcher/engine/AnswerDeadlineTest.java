package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnswerDeadlineTest {

  @AfterEach
  void noInterruptLeftBehind() {
    assertThat(Thread.interrupted()).as("the test thread's interrupt flag").isFalse();
  }

  @Test
  void aCallStillWaitingAtTheLimit_isEnded_andLeavesTheThreadUninterrupted() {
    AnswerDeadline deadline = new AnswerDeadline(Duration.ofMillis(50));
    CountDownLatch never = new CountDownLatch(1);
    long started = System.nanoTime();

    assertThatThrownBy(() -> deadline.run(() -> awaitInterruptibly(never)))
        .isInstanceOf(AnswerDeadline.Missed.class)
        .hasCauseInstanceOf(IllegalStateException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void anAlarmThatRingsAsTheCallReturns_leavesNoInterruptForTheNextCall() {
    // Calls that outlast the limit without giving up when interrupted: each works on until the
    // alarm has rung (or 5 s have passed), then returns its answer. None may pass the interrupt on
    // to whatever the thread does next, and none becomes a miss, since its answer came.
    AnswerDeadline deadline = new AnswerDeadline(Duration.ofNanos(200_000));
    int rangDuringTheCall = 0;
    for (int i = 0; i < 100; i++) {
      int value = i;
      boolean[] rang = new boolean[1];
      assertThat(deadline.run(() -> workUntilInterrupted(value, rang))).isEqualTo(i);
      assertThat(Thread.currentThread().isInterrupted()).as("after call %d", i).isFalse();
      rangDuringTheCall += rang[0] ? 1 : 0;
    }
    assertThat(rangDuringTheCall).as("calls the alarm interrupted").isEqualTo(100);
  }

  @Test
  void aFailureWithinTheLimit_passesThroughUnchanged() {
    AnswerDeadline deadline = new AnswerDeadline(Duration.ofSeconds(30));
    IllegalArgumentException failure = new IllegalArgumentException("engine said no");

    assertThatThrownBy(
            () ->
                deadline.run(
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);
  }

  @Test
  void aLimitMustBePositive() {
    assertThatThrownBy(() -> new AnswerDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnswerDeadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Blocks as a socket read does until the thread is interrupted. */
  private static Boolean awaitInterruptibly(CountDownLatch latch) {
    try {
      latch.await();
      return Boolean.TRUE;
    } catch (InterruptedException e) {
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Works until the thread is interrupted (at most 5 s) without giving up, then answers; {@code
   * rang[0]} tells whether it was interrupted.
   */
  private static int workUntilInterrupted(int answer, boolean[] rang) {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
      LockSupport.parkNanos(10_000);
    }
    rang[0] = Thread.currentThread().isInterrupted();
    return answer;
  }
}
