package dev.keelson.pilot.discovery;

import dev.keelson.pilot.config.GoBool;
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
 * @param basicAuth {@code user:password} (or {@code user}) sent as HTTP basic authentication, for
 *     an agent behind a proxy that asks for it; {@code null} sends none
 * @param verifyTls whether an {@code https} agent's certificate and host name are checked
 */
public record ConsulOptions(
    ConsulAddress address,
    Duration callTimeout,
    @Nullable Path caFile,
    @Nullable String basicAuth,
    boolean verifyTls) {

  /** Long enough for a loaded agent, short enough that a health poll of 1 s is not starved. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(3);

  public ConsulOptions {
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
    }
  }

  /**
   * Options from the config's address and the pilot's environment, as the Consul client that
   * ContainerPilot used reads it: {@code CONSUL_HTTP_TOKEN} when the config has no token, {@code
   * CONSUL_HTTP_AUTH} ({@code user:password}) for basic authentication, {@code
   * CONSUL_HTTP_SSL_VERIFY=false} to accept any certificate, and {@code CONSUL_CACERT} (a PEM file)
   * to trust for HTTPS. The caller passes the environment; nothing here reads the process's own.
   */
  public static ConsulOptions fromEnvironment(
      ConsulAddress address, Map<String, String> environment) {
    String caFile = environment.get("CONSUL_CACERT");
    String auth = environment.get("CONSUL_HTTP_AUTH");
    String verify = environment.get("CONSUL_HTTP_SSL_VERIFY");
    return new ConsulOptions(
        address.withTokenFallback(environment.get("CONSUL_HTTP_TOKEN")),
        DEFAULT_CALL_TIMEOUT,
        caFile == null || caFile.isBlank() ? null : Path.of(caFile),
        auth == null || auth.isEmpty() ? null : auth,
        // only what Go parses as false turns verification off; the Go client also turned it off
        // for a value it could not parse (no, off), where verification stays on here
        verify == null || GoBool.parse(verify.strip()).orElse(true));
  }

  /** Without the basic-auth password, so the options can be logged. */
  @Override
  public String toString() {
    return "ConsulOptions[address="
        + address
        + ", callTimeout="
        + callTimeout
        + ", caFile="
        + caFile
        + ", basicAuth="
        + (basicAuth == null ? "none" : "(set)")
        + ", verifyTls="
        + verifyTls
        + "]";
  }

  public static ConsulOptions of(ConsulAddress address) {
    return new ConsulOptions(address, DEFAULT_CALL_TIMEOUT, null, null, true);
  }

  public ConsulOptions withCallTimeout(Duration timeout) {
    return new ConsulOptions(address, timeout, caFile, basicAuth, verifyTls);
  }

  public ConsulOptions withCaFile(@Nullable Path file) {
    return new ConsulOptions(address, callTimeout, file, basicAuth, verifyTls);
  }
}
