package dev.keelson.pilot.discovery;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The pilot's view of a service catalog (Consul): register services with a TTL check, keep the
 * check's status current, and query other services. Every call is bounded by the implementation's
 * timeout, so a slow or absent catalog delays a caller by at most that timeout and then fails with
 * {@link DiscoveryUnavailableException}. Implementations are thread-safe.
 */
public interface DiscoveryBackend extends AutoCloseable {

  /**
   * Registers (or replaces) a service and its TTL check {@link ServiceRegistration#checkId()}, with
   * the check starting in {@code initialStatus}. Registering again with the same id updates it.
   */
  void register(ServiceRegistration registration, CheckStatus initialStatus)
      throws DiscoveryException;

  /**
   * Sets the status of the service's TTL check and restarts its TTL; {@code note} becomes the
   * check's output.
   *
   * @throws NotRegisteredException when the agent does not know the check
   */
  void updateTtl(String serviceId, CheckStatus status, String note) throws DiscoveryException;

  /** Removes the service and its check. Removing an unknown service succeeds. */
  void deregister(String serviceId) throws DiscoveryException;

  /**
   * Turns the agent's maintenance mode for one registered service on or off: while on, the service
   * is registered but not passing.
   */
  void setMaintenance(String serviceId, boolean enabled, String reason) throws DiscoveryException;

  /**
   * The instances of {@code serviceName} whose checks are all passing, optionally only those
   * carrying {@code tag}, sorted.
   */
  List<ServiceInstance> passingInstances(String serviceName, @Nullable String tag)
      throws DiscoveryException;

  /** Releases connections; later calls fail. */
  @Override
  void close();
}
