package dev.keelson.pilot.discovery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to talk to Consul.
 *
 * @param address where and with which token
 * @param callTimeout the bound on each phase of a call (connect, wait for a pooled connection, wait
 *     for response bytes), so a slow agent fails a call instead of blocking its caller
 * @param caFile PEM file with the certificate(s) to trust for {@code https}; {@code null} trusts
 *     the JRE's default authorities
 */
public record ConsulOptions(ConsulAddress address, Duration callTimeout, @Nullable Path caFile) {

  /** Long enough for a loaded agent, short enough that a health poll of 1 s is not starved. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(3);

  public ConsulOptions {
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
    }
  }

  /**
   * Options from the config's address and the pilot's environment, as the Consul CLI reads it:
   * {@code CONSUL_HTTP_TOKEN} when the config has no token, {@code CONSUL_CACERT} (a PEM file) to
   * trust for HTTPS. The caller passes the environment; nothing here reads the process's own.
   */
  public static ConsulOptions fromEnvironment(
      ConsulAddress address, Map<String, String> environment) {
    String caFile = environment.get("CONSUL_CACERT");
    return new ConsulOptions(
        address.withTokenFallback(environment.get("CONSUL_HTTP_TOKEN")),
        DEFAULT_CALL_TIMEOUT,
        caFile == null || caFile.isBlank() ? null : Path.of(caFile));
  }

  public static ConsulOptions of(ConsulAddress address) {
    return new ConsulOptions(address, DEFAULT_CALL_TIMEOUT, null);
  }

  public ConsulOptions withCallTimeout(Duration timeout) {
    return new ConsulOptions(address, timeout, caFile);
  }

  public ConsulOptions withCaFile(@Nullable Path file) {
    return new ConsulOptions(address, callTimeout, file);
  }
}
