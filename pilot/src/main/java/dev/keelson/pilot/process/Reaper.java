package dev.keelson.pilot.process;

import dev.keelson.pilot.posix.Posix;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaps orphans re-parented to the pilot, without ever racing the JDK (design B of java-stack.md
 * §5.3): it lists our children in /proc and calls {@code waitpid(pid, WNOHANG)} only for pids the
 * JDK does not manage. It runs on its own thread, woken by SIGCHLD (signals coalesce, so each pass
 * reaps everything that has exited) and at least once a second in case a wake-up was lost. Slow
 * hooks or discovery calls never delay it.
 */
public final class Reaper {

  /**
   * Looked up on use, not at class initialisation: SLF4J's service lookup then happens after the
   * app has been started, off its start path.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(Reaper.class);
  }

  private static final long PERIOD_MILLIS = 1000;

  private final ProcessTable table;
  private final CompletableFuture<Posix> posix;
  private final ChildrenOfSelf children;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final AtomicLong reaped = new AtomicLong();
  private volatile boolean requested;
  private volatile boolean stopped;

  Reaper(ProcessTable table, CompletableFuture<Posix> posix, ChildrenOfSelf children) {
    this.table = table;
    this.posix = posix;
    this.children = children;
  }

  /** Starts the reaping thread (a daemon). */
  public void start() {
    Thread thread = new Thread(this::loop, "reaper");
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks for a pass soon; cheap and non-blocking, safe to call from a signal handler. */
  public void requestReap() {
    if (lock.tryLock()) {
      try {
        requested = true;
        wake.signal();
      } finally {
        lock.unlock();
      }
    } else {
      // the reaper holds the lock only briefly while it waits; a missed wake-up costs at most 1 s
      requested = true;
    }
  }

  public void stop() {
    stopped = true;
    requestReap();
  }

  /** Orphans reaped so far. */
  public long reapedCount() {
    return reaped.get();
  }

  private void loop() {
    while (!stopped) {
      awaitRequest();
      try {
        reapOrphans();
      } catch (RuntimeException e) {
        log().warn("reaping failed: {}", e.toString());
      }
    }
  }

  private void awaitRequest() {
    lock.lock();
    try {
      long left = TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
      while (!requested && !stopped && left > 0) {
        left = wake.awaitNanos(left);
      }
      requested = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * One pass: reaps every exited orphan. Does nothing until the native layer is loaded (orphans
   * simply stay zombies until then).
   *
   * @return how many were reaped
   */
  public int reapOrphans() {
    if (!posix.isDone() || posix.isCompletedExceptionally()) {
      return 0;
    }
    Posix calls = posix.join();
    int[] count = {0};
    table.scan(
        managed -> {
          for (long pid : children.list()) {
            if (managed.contains(pid)) {
              continue;
            }
            OptionalInt status = calls.reapIfExited((int) pid);
            if (status.isPresent()) {
              count[0]++;
              log()
                  .debug(
                      "reaped orphan {}: {}",
                      pid,
                      ExitStatus.fromWaitStatus(status.getAsInt()).describe());
            }
          }
        });
    reaped.addAndGet(count[0]);
    return count[0];
  }
}
