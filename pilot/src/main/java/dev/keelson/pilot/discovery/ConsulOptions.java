package dev.keelson.pilot.discovery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
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

  /**
   * What Go's {@code strconv.ParseBool} reads as false. The Go client also turned verification off
   * for a value it could not parse ({@code no}, {@code off}); here such a value keeps it on.
   */
  private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

  public ConsulOptions {
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
    }
  }

  public ConsulOptions(ConsulAddress address, Duration callTimeout, @Nullable Path caFile) {
    this(address, callTimeout, caFile, null, true);
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
        verify == null || !FALSE.contains(verify.strip()));
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
    return new ConsulOptions(address, DEFAULT_CALL_TIMEOUT, null);
  }

  public ConsulOptions withCallTimeout(Duration timeout) {
    return new ConsulOptions(address, timeout, caFile, basicAuth, verifyTls);
  }

  public ConsulOptions withCaFile(@Nullable Path file) {
    return new ConsulOptions(address, callTimeout, file, basicAuth, verifyTls);
  }

  public ConsulOptions withBasicAuth(@Nullable String userAndPassword) {
    return new ConsulOptions(address, callTimeout, caFile, userAndPassword, verifyTls);
  }

  public ConsulOptions withTlsVerification(boolean verify) {
    return new ConsulOptions(address, callTimeout, caFile, basicAuth, verify);
  }
}
