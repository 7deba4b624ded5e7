package dev.keelson.pilot.process;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pids whose exit status belongs to the JDK (design B of java-stack.md §5.3).
 *
 * <p>Invariant: every child the pilot creates is started inside {@link #spawn}, which holds the
 * same lock as {@link #scan}. So while the reaper scans, each of our children is either not born
 * yet or already registered here, and any other child of ours is an orphan re-parented to us, which
 * the reaper may reap by its pid. Nothing ever calls {@code waitpid(-1)}, so the JDK's reaper
 * thread always gets the status of the processes it started.
 */
final class ProcessTable {

  private final Object lock = new Object();
  private final Set<Long> jdkManaged = new HashSet<>();

  /** Starts {@code builder} and registers the new pid, atomically with respect to scans. */
  Process spawn(ProcessBuilder builder) throws IOException {
    synchronized (lock) {
      Process started = builder.start();
      jdkManaged.add(started.pid());
      return started;
    }
  }

  /** Forgets {@code pid} once the JDK has reaped it. */
  void release(long pid) {
    synchronized (lock) {
      jdkManaged.remove(pid);
    }
  }

  /** Runs {@code scan} with the registry frozen; it receives the pids it must not touch. */
  void scan(Consumer<Set<Long>> scan) {
    synchronized (lock) {
      scan.accept(Set.copyOf(jdkManaged));
    }
  }

  int size() {
    synchronized (lock) {
      return jdkManaged.size();
    }
  }
}
