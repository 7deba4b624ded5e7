package dev.keelson.pilot.wiring;

import dev.keelson.pilot.watch.ChangeDetector;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each backend's last seen instances, kept across reloads: ContainerPilot 2.0.1 keeps them in a
 * package-level map, so a backend whose instances did not change over a SIGHUP does not fire
 * onChange again. A backend survives a reload when its name, tag and Consul agent are the same; one
 * the new config drops is forgotten (it starts afresh if it comes back later).
 */
final class BackendStates {

  /** What makes two configs' backends the same watch. */
  record Key(String name, Optional<String> tag, String agent) {}

  private Map<Key, ChangeDetector> detectors = new HashMap<>();
  private Map<Key, ChangeDetector> building = new HashMap<>();

  /** The detector for {@code key} in the config being built: the previous one's, or a new one. */
  synchronized ChangeDetector detectorFor(Key key) {
    ChangeDetector detector = detectors.get(key);
    if (detector == null) {
      detector = new ChangeDetector(key.name());
    }
    building.put(key, detector);
    return detector;
  }

  /**
   * The config being built is in place: only its backends are remembered. Call after every {@link
   * PilotActors#create}, also one with no backends.
   */
  synchronized void commit() {
    detectors = building;
    building = new HashMap<>();
  }

  /** The config could not be built: the previous backends stay remembered. */
  synchronized void abandon() {
    building = new HashMap<>();
  }
}
