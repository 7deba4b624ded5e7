package dev.keelson.pilot.telemetry;

import dev.keelson.pilot.discovery.ServiceRegistration;
import java.time.Duration;
import java.util.List;

/**
 * How the telemetry endpoint is advertised in Consul: as service {@code containerpilot} (the name
 * ContainerPilot uses, so existing Prometheus service discovery keeps working), with no health
 * command, heartbeating every {@link #POLL} with a TTL of {@link #TTL}.
 */
public final class TelemetryService {

  public static final String NAME = "containerpilot";
  public static final Duration POLL = Duration.ofSeconds(5);
  public static final Duration TTL = Duration.ofSeconds(15);

  private TelemetryService() {}

  /** The registration for this container's endpoint, id {@code containerpilot-<hostname>}. */
  public static ServiceRegistration registration(
      String hostname, String address, int port, List<String> tags) {
    return new ServiceRegistration(
        ServiceRegistration.idFor(NAME, hostname), NAME, address, port, tags, TTL);
  }
}
