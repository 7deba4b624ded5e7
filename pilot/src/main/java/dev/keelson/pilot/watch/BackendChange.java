package dev.keelson.pilot.watch;

import dev.keelson.pilot.discovery.ServiceInstance;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A change in a backend's passing instances between two polls.
 *
 * @param backendName the watched service
 * @param previous the instances before ({@code empty} on the first poll)
 * @param current the instances now
 */
public record BackendChange(
    String backendName, Set<ServiceInstance> previous, Set<ServiceInstance> current) {

  public BackendChange {
    previous = Set.copyOf(previous);
    current = Set.copyOf(current);
  }

  /** Instances present now and not before, sorted. */
  public SortedSet<ServiceInstance> added() {
    SortedSet<ServiceInstance> added = new TreeSet<>(current);
    added.removeAll(previous);
    return added;
  }

  /** Instances present before and not now, sorted. */
  public SortedSet<ServiceInstance> removed() {
    SortedSet<ServiceInstance> removed = new TreeSet<>(previous);
    removed.removeAll(current);
    return removed;
  }
}
