package dev.keelson.pilot.wiring;

import dev.keelson.pilot.discovery.ServiceRegistration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reload must deregister from what the previous config registered, and where. ContainerPilot
 * 2.0.1 deregisters every service on SIGHUP; we keep the unchanged ones registered, but only while
 * the new config registers at the same agent: one that registers nothing (no services, or etcd) or
 * points at another agent must not leave the old services behind at the old one.
 *
 * @param byNewConfig ids the new config's discovery drops at the same agent (a changed service
 *     keeps its id and is replaced in place by its first heartbeat, so it is not here)
 * @param atOldAgent ids to deregister at the previous agent, which the new config does not use
 */
record ReloadDeregistrations(List<String> byNewConfig, List<String> atOldAgent) {

  ReloadDeregistrations {
    byNewConfig = List.copyOf(byNewConfig);
    atOldAgent = List.copyOf(atOldAgent);
  }

  /**
   * @param sameAgent whether the new config registers at the agent the previous one registered at
   *     (false when it registers nothing at all)
   */
  static ReloadDeregistrations between(
      List<ServiceRegistration> before, boolean sameAgent, List<ServiceRegistration> now) {
    if (!sameAgent) {
      return new ReloadDeregistrations(
          List.of(), before.stream().map(ServiceRegistration::id).toList());
    }
    // a changed service keeps its id: only the ids the new config no longer has are stale
    Set<String> kept = new HashSet<>();
    now.forEach(registration -> kept.add(registration.id()));
    List<String> stale =
        before.stream()
            .map(ServiceRegistration::id)
            .filter(id -> !kept.contains(id))
            .distinct()
            .toList();
    return new ReloadDeregistrations(stale, List.of());
  }
}
