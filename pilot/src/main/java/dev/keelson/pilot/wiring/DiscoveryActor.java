package dev.keelson.pilot.wiring;

import dev.keelson.pilot.discovery.DiscoveryBackend;
import dev.keelson.pilot.discovery.DiscoveryException;
import dev.keelson.pilot.discovery.RegisteredServices;
import dev.keelson.pilot.discovery.ServiceHeartbeat;
import dev.keelson.pilot.event.Actor;
import dev.keelson.pilot.event.Event;
import dev.keelson.pilot.event.EventBus;
import dev.keelson.pilot.event.EventCode;
import dev.keelson.pilot.watch.BackendPoller;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one config does with the catalog: a heartbeat per service (and one for the telemetry
 * endpoint), a poller per backend, maintenance for all of them, and deregistration before the pilot
 * stops. Owns the backend client it was built with and closes it on {@link #stop}; a reload builds
 * a new one.
 */
final class DiscoveryActor implements Actor {

  private static final Logger log = LoggerFactory.getLogger(DiscoveryActor.class);
  // entering or leaving maintenance is one call per service, in parallel, each bounded by the
  // client's timeout; this only bounds the wait when the agent is slow
  private static final Duration MAINTENANCE_BUDGET = Duration.ofSeconds(5);

  private final DiscoveryBackend backend;
  private final RegisteredServices services;
  private final List<ServiceHeartbeat> heartbeats;
  private final List<BackendPoller> pollers;
  private final List<String> staleIds;
  private @Nullable BusListener listener;

  /**
   * @param staleIds services the previous config registered and this one does not: deregistered
   *     once at start (a reload)
   */
  DiscoveryActor(
      DiscoveryBackend backend,
      RegisteredServices services,
      List<ServiceHeartbeat> heartbeats,
      List<BackendPoller> pollers,
      List<String> staleIds) {
    this.backend = backend;
    this.services = services;
    this.heartbeats = List.copyOf(heartbeats);
    this.pollers = List.copyOf(pollers);
    this.staleIds = List.copyOf(staleIds);
  }

  @Override
  public String name() {
    return "discovery";
  }

  @Override
  public synchronized void startsInMaintenance() {
    services.startInMaintenance();
    pollers.forEach(BackendPoller::pause);
  }

  @Override
  public synchronized void start(EventBus bus) {
    // the first health check runs at once: a healthy service is passing right after start rather
    // than one poll later, and an unreachable agent is retried by each registrar's back-off
    heartbeats.forEach(heartbeat -> heartbeat.start(Duration.ZERO));
    pollers.forEach(BackendPoller::start);
    listener = BusListener.start(bus, name(), this::dropStale, this::onEvent);
  }

  private void dropStale() {
    for (String id : staleIds) {
      try {
        backend.deregister(id);
        log.info("Deregistered service {}: no longer in the config", id);
      } catch (DiscoveryException e) {
        log.warn("Could not deregister service {} dropped by the reload: {}", id, e.getMessage());
      }
    }
  }

  private void onEvent(Event event) {
    if (event.code() == EventCode.ENTER_MAINTENANCE && !services.inMaintenance()) {
      pollers.forEach(BackendPoller::pause);
      services.toggleMaintenance(MAINTENANCE_BUDGET);
    } else if (event.code() == EventCode.EXIT_MAINTENANCE && services.inMaintenance()) {
      services.toggleMaintenance(MAINTENANCE_BUDGET);
      pollers.forEach(BackendPoller::resume);
    }
  }

  /** Stops heartbeats first, so none can register a service again, then deregisters them all. */
  @Override
  public void beforeStop(Duration timeout) {
    heartbeats.forEach(ServiceHeartbeat::close);
    pollers.forEach(BackendPoller::pause);
    services.deregisterAll(timeout);
  }

  /** Leaves services registered: a reload keeps the unchanged ones (see {@code PilotActors}). */
  @Override
  public synchronized void stop() {
    BusListener running = listener;
    if (running != null) {
      running.close();
      listener = null;
    }
    heartbeats.forEach(ServiceHeartbeat::close);
    pollers.forEach(BackendPoller::close);
    services.close();
    backend.close();
  }
}
