package dev.keelson.pilot.watch;

import dev.keelson.pilot.discovery.ServiceInstance;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a backend changed, from the passing instances of successive polls. Pure and not
 * thread-safe: one detector per backend, fed by one poller at a time. A reload hands it from the
 * old poller to the new one, after the old one stopped (ContainerPilot 2.0.1 keeps backend state
 * across reloads, so a backend that did not change does not fire onChange again).
 *
 * <p>A change is a difference in the <em>set</em> of (address, port) pairs: tags, ids, and order do
 * not count, and two registrations at one address:port count once.
 *
 * <p>First poll (ContainerPilot's D14, decided): the state starts empty, so a first poll that finds
 * at least one passing instance is a change and fires onChange, as 2.0.1 really does (its comment
 * says otherwise). This is kept on purpose: an onChange handler typically renders the upstream
 * list, and it needs to run once for the instances already present at start. A first poll that
 * finds none is not a change. A failed poll is not fed here at all: the previous state stays.
 */
public final class ChangeDetector {

  private final String backendName;
  // volatile: a reload hands the detector to a new poller thread
  private volatile Set<ServiceInstance> last = Set.of();

  public ChangeDetector(String backendName) {
    this.backendName = backendName;
  }

  /** Records this poll's instances; returns the change, if the set differs from the last poll. */
  public Optional<BackendChange> observe(Collection<ServiceInstance> passing) {
    Set<ServiceInstance> current = Set.copyOf(passing);
    if (current.equals(last)) {
      return Optional.empty();
    }
    BackendChange change = new BackendChange(backendName, last, current);
    last = current;
    return Optional.of(change);
  }

  /**
   * Takes back {@code change} when its onChange was cut short (the poller stopped by a reload), so
   * the poller that takes over sees it as a change again. Does nothing if a later poll moved on.
   */
  public void undo(BackendChange change) {
    if (last.equals(change.current())) {
      last = change.previous();
    }
  }

  /** The instances seen on the last successful poll. */
  public Set<ServiceInstance> lastSeen() {
    return last;
  }
}
