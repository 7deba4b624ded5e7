package dev.keelson.pilot.config;

import dev.keelson.config.command.Command;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A whole ContainerPilot 2.0.1 config, validated. Built only by {@link PilotConfigReader}.
 *
 * @param consul the discovery backend; ContainerPilot requires exactly one of consul and etcd
 * @param preStart {@code preStart}, or its deprecated alias {@code onStart}
 * @param stopTimeout time between SIGTERM and SIGKILL for the app; zero means SIGKILL at once (a
 *     negative config value); an absent or 0 value is 5 s, as in ContainerPilot
 */
public record PilotConfig(
    Optional<ConsulSpec> consul,
    Optional<EtcdSpec> etcd,
    Optional<Command> preStart,
    Optional<Command> preStop,
    Optional<Command> postStop,
    Duration stopTimeout,
    LoggingSpec logging,
    List<ServiceSpec> services,
    List<BackendSpec> backends,
    Optional<TelemetrySpec> telemetry) {

  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);

  public PilotConfig {
    services = List.copyOf(services);
    backends = List.copyOf(backends);
    if (stopTimeout.isNegative()) {
      throw new IllegalArgumentException("invalid usage; stopTimeout is never negative here");
    }
  }

  /** No config at all: the pilot is a plain init (forward, reap, pass exit codes). */
  public static PilotConfig none() {
    return new PilotConfig(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_STOP_TIMEOUT,
        LoggingSpec.DEFAULT,
        List.of(),
        List.of(),
        Optional.empty());
  }
}
