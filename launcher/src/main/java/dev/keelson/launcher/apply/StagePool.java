package dev.keelson.launcher.apply;

import dev.keelson.launcher.plan.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A bounded pool for the actions of one concurrent stage. Threads are created on first use, so a
 * plan without concurrent stages starts none; they are daemons, so a stuck engine call cannot keep
 * the JVM alive after the command has failed.
 */
final class StagePool implements AutoCloseable {

  private final int size;
  private @Nullable ExecutorService executor;

  StagePool(int size) {
    this.size = size;
  }

  /**
   * Runs every action and waits for all of them, even when one fails, so that the stage is over
   * when this returns. Outcomes come back in the actions' order. An exception thrown by an action
   * (the engine became unreachable) is rethrown after the others have finished.
   */
  List<ActionOutcome> runAll(List<Action> actions, Function<Action, ActionOutcome> dispatch) {
    if (size == 1 || actions.size() == 1) {
      return actions.stream().map(dispatch).toList();
    }
    ExecutorService pool = executor();
    List<Future<ActionOutcome>> futures = new ArrayList<>();
    for (Action action : actions) {
      futures.add(pool.submit(() -> dispatch.apply(action)));
    }
    List<ActionOutcome> outcomes = new ArrayList<>();
    @Nullable RuntimeException failure = null;
    for (Future<ActionOutcome> future : futures) {
      try {
        outcomes.add(future.get());
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a stage", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return outcomes;
  }

  private ExecutorService executor() {
    ExecutorService existing = executor;
    if (existing != null) {
      return existing;
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService created =
        Executors.newFixedThreadPool(
            size,
            task -> {
              Thread thread = new Thread(task, "paunch-stage-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor = created;
    return created;
  }

  @Override
  public void close() {
    ExecutorService existing = executor;
    if (existing != null) {
      existing.shutdownNow();
    }
  }
}
