package dev.keelson.pilot.discovery;

import java.time.Duration;
import java.util.List;

/**
 * What the pilot registers for one service: the service itself and its TTL check, whose id is
 * {@link #checkId()}.
 *
 * @param id unique on the agent; ContainerPilot uses {@code <name>-<hostname>} (see {@link #idFor})
 * @param name the service name backends query
 * @param address the address other services connect to (resolved from {@code interfaces})
 * @param port the advertised port
 * @param tags in the order given
 * @param ttl how long a heartbeat keeps the check passing; whole seconds, at least one
 */
public record ServiceRegistration(
    String id, String name, String address, int port, List<String> tags, Duration ttl) {

  public ServiceRegistration {
    if (id.isBlank()) {
      throw new IllegalArgumentException("service id must not be blank");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("service name must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port of service " + name + " must be 0..65535");
    }
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("ttl of service " + name + " must be at least 1s");
    }
    tags = List.copyOf(tags);
  }

  /** ContainerPilot's id scheme: {@code <name>-<hostname>}, per container in Docker. */
  public static String idFor(String name, String hostname) {
    return name + "-" + hostname;
  }

  /** The id Consul gives a check registered inline with the service. */
  public String checkId() {
    return "service:" + id;
  }

  /** The check's name: ContainerPilot 2.0.1 names it after the service id. */
  public String checkName() {
    return id;
  }

  /** The check's notes, ContainerPilot 2.0.1's text. */
  public String checkNotes() {
    return "TTL for " + name + " set by containerpilot";
  }

  /** The TTL in Consul's duration syntax, e.g. {@code 10s}. */
  public String ttlText() {
    return ttl.toSeconds() + "s";
  }
}
