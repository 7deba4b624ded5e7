package dev.keelson.pilot.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory agent for registrar unit tests: records every call as text, knows which services are
 * registered, and can be switched to unreachable. The real agent is covered by the *IT tests.
 */
final class RecordingBackend implements DiscoveryBackend {

  final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
  final Map<String, CheckStatus> statusById =
      java.util.Collections.synchronizedMap(new HashMap<>());
  boolean unreachable;

  @Override
  public synchronized void register(ServiceRegistration registration, CheckStatus initialStatus)
      throws DiscoveryException {
    record("register " + registration.id() + " " + initialStatus.consulName());
    statusById.put(registration.id(), initialStatus);
  }

  @Override
  public synchronized void updateTtl(String serviceId, CheckStatus status, String note)
      throws DiscoveryException {
    record("ttl " + serviceId + " " + status.consulName() + " " + note);
    if (!statusById.containsKey(serviceId)) {
      throw new NotRegisteredException("ttl", serviceId, "unknown", new IllegalStateException());
    }
    statusById.put(serviceId, status);
  }

  @Override
  public synchronized void deregister(String serviceId) throws DiscoveryException {
    record("deregister " + serviceId);
    statusById.remove(serviceId);
  }

  @Override
  public synchronized void setMaintenance(String serviceId, boolean enabled, String reason)
      throws DiscoveryException {
    record("maintenance " + serviceId + " " + enabled);
  }

  @Override
  public synchronized List<ServiceInstance> passingInstances(
      String serviceName, @Nullable String tag) throws DiscoveryException {
    record("query " + serviceName);
    return List.of();
  }

  @Override
  public synchronized void close() {}

  private void record(String call) throws DiscoveryUnavailableException {
    if (unreachable) {
      calls.add("unreachable: " + call);
      throw new DiscoveryUnavailableException(
          "call", "x", "connection refused", new IllegalStateException());
    }
    calls.add(call);
  }
}
