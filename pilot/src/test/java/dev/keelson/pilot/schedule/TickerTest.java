package dev.keelson.pilot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Times are virtual milliseconds: a fake scheduler runs tasks and a task "takes" time. */
class TickerTest {

  private final FakeTime time = new FakeTime();
  private final List<Long> starts = new ArrayList<>();

  /** A task that records when it started and then takes the next of {@code durations}. */
  private Runnable taking(Long... durations) {
    Deque<Long> left = new ArrayDeque<>(List.of(durations));
    return () -> {
      starts.add(time.nowMillis);
      time.nowMillis += left.isEmpty() ? 0 : left.pop();
    };
  }

  private Ticker ticker(long periodMillis, Runnable task) {
    return new Ticker("t", Duration.ofMillis(periodMillis), task, time, time::nanoTime);
  }

  @Test
  void runTime_doesNotShiftTheGrid() {
    ticker(1000, taking(300L, 300L, 300L, 300L)).start(Duration.ZERO);

    time.runUntil(3500);

    // a fixed delay would start at 0, 1300, 2600
    assertThat(starts).containsExactly(0L, 1000L, 2000L, 3000L);
  }

  @Test
  void initialDelay_isGridPointZero() {
    ticker(1000, taking()).start(Duration.ofMillis(250));

    time.runUntil(3000);

    assertThat(starts).containsExactly(250L, 1250L, 2250L);
  }

  @Test
  void overrun_nextRunStartsRightAfter_missedTicksDropped_gridResumes() {
    ticker(1000, taking(2500L, 100L, 100L, 100L)).start(Duration.ZERO);

    time.runUntil(5500);

    // ticks 1000 and 2000 fall in the first run: one is kept (the run at 2500), one dropped;
    // a fixed rate would burst at 2500 and 2600
    assertThat(starts).containsExactly(0L, 2500L, 3000L, 4000L, 5000L);
  }

  @Test
  void catchUpRunOverrunningAgain_isFollowedByOneMoreRightAfter() {
    ticker(1000, taking(1200L, 1900L, 100L)).start(Duration.ZERO);

    time.runUntil(4500);

    // 0-1200 misses 1000 → run at 1200 to 3100 misses 2000 and 3000 → run at 3100, then 4000
    assertThat(starts).containsExactly(0L, 1200L, 3100L, 4000L);
  }

  @Test
  void lateScheduler_doesNotRunTwiceForOneTick() {
    time.lateByMillis = 999;
    ticker(1000, taking()).start(Duration.ZERO);

    time.runUntil(3000);

    assertThat(starts).containsExactly(999L, 1999L, 2999L);
  }

  @Test
  void taskThrowing_keepsTicking() {
    ticker(
            1000,
            () -> {
              starts.add(time.nowMillis);
              throw new IllegalStateException("boom");
            })
        .start(Duration.ZERO);

    time.runUntil(2000);

    assertThat(starts).containsExactly(0L, 1000L, 2000L);
  }

  @Test
  void close_stopsFurtherRuns() {
    Ticker ticker = ticker(1000, taking());
    ticker.start(Duration.ZERO);
    time.runUntil(1000);

    ticker.close();
    time.runUntil(5000);

    assertThat(starts).containsExactly(0L, 1000L);
  }

  @Test
  void realThread_runsRepeatedlyUntilClosed() throws Exception {
    CountDownLatch threeRuns = new CountDownLatch(3);
    Ticker ticker = new Ticker("ticker-test", Duration.ofMillis(10), threeRuns::countDown);
    ticker.start(Duration.ZERO);

    assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
    ticker.close();
    assertThat(ticker.awaitTermination(Duration.ofSeconds(5))).isTrue();
  }

  /** A virtual clock and a scheduler that runs what is due, in time order, on the test thread. */
  private static final class FakeTime implements Ticker.Scheduler {
    private record Due(long atMillis, long seq, Runnable task) {}

    private final PriorityQueue<Due> queue =
        new PriorityQueue<>(Comparator.comparingLong(Due::atMillis).thenComparingLong(Due::seq));
    private long nowMillis;
    private long seq;
    private long lateByMillis;
    private boolean shutDown;

    long nanoTime() {
      return TimeUnit.MILLISECONDS.toNanos(nowMillis);
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
      if (shutDown) {
        throw new RejectedExecutionException("shut down");
      }
      long delayMillis = TimeUnit.NANOSECONDS.toMillis(delayNanos);
      queue.add(new Due(nowMillis + delayMillis + lateByMillis, seq++, task));
    }

    @Override
    public void shutdownNow() {
      shutDown = true;
      queue.clear();
    }

    @Override
    public boolean awaitTermination(Duration timeout) {
      return true;
    }

    void runUntil(long millis) {
      while (true) {
        Due due = queue.peek();
        if (due == null || due.atMillis() > millis) {
          break;
        }
        queue.remove();
        nowMillis = Math.max(nowMillis, due.atMillis());
        due.task().run();
      }
      nowMillis = Math.max(nowMillis, millis);
    }
  }
}
