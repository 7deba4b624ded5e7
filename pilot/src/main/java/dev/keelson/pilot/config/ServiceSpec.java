package dev.keelson.pilot.config;

import dev.keelson.config.command.Command;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code services}: registered in discovery with a TTL check fed by {@code health}.
 *
 * @param health absent means always healthy (as for the telemetry service)
 * @param interfaces interface specs in the order to try; default {@code ["eth0:inet"]}
 * @param poll seconds between health checks, at least 1
 * @param ttl seconds the TTL check stays passing without a heartbeat, at least 1
 * @param timeout how long a health check may run before it is killed; absent: no limit
 */
public record ServiceSpec(
    String name,
    int port,
    Optional<Command> health,
    List<String> interfaces,
    int poll,
    int ttl,
    List<String> tags,
    Optional<Duration> timeout) {

  public ServiceSpec {
    interfaces = List.copyOf(interfaces);
    tags = List.copyOf(tags);
  }
}
