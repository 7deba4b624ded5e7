package dev.keelson.pilot.config;

import java.util.Optional;
import java.util.Set;

/**
 * Go's {@code strconv.ParseBool}, which ContainerPilot 2.0.1 read its boolean flags with, and the
 * Consul client it used read {@code CONSUL_HTTP_SSL_VERIFY} with: exactly these spellings, nothing
 * else (not {@code yes}, {@code no}, {@code on}, {@code off}).
 */
public final class GoBool {

  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private GoBool() {}

  /** The value {@code text} spells, or empty when Go would fail to parse it. */
  public static Optional<Boolean> parse(String text) {
    if (TRUE.contains(text)) {
      return Optional.of(true);
    }
    return FALSE.contains(text) ? Optional.of(false) : Optional.empty();
  }
}
