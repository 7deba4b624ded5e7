package dev.keelson.pilot.discovery;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the Consul agent listens and how to authenticate, from either config form: the string
 * {@code "host:port"} / {@code "https://host:port"} of 2.0.1, or the object {@code {address,
 * scheme, token}} of later 2.x.
 *
 * @param scheme {@code http} or {@code https}
 * @param host a host name, an IPv4 address or an IPv6 address without brackets
 * @param port the agent's HTTP(S) port
 * @param token the ACL token from the config, if any; see {@link #withTokenFallback}
 */
public record ConsulAddress(String scheme, String host, int port, @Nullable String token) {

  /** Consul's default HTTP port, used when the config gives a host only. */
  public static final int DEFAULT_PORT = 8500;

  // host is a bracketed IPv6 literal or a DNS name / IPv4 address
  private static final Pattern HOST_PORT =
      Pattern.compile(
          "(?:\\[(?<v6>[0-9A-Fa-f:.]+)]|(?<host>[A-Za-z0-9._-]+))(?::(?<port>\\d{1,5}))?");

  public ConsulAddress {
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("scheme must be http or https, got " + scheme);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535, got " + port);
    }
    if (token != null && token.isBlank()) {
      token = null;
    }
  }

  /**
   * Parses the string form ({@code consul: "..."}): {@code host[:port]}, optionally prefixed by
   * {@code http://} or {@code https://}.
   */
  public static ConsulAddress parse(String value) throws InvalidConsulAddressException {
    return parseAddress("consul", value, null, null);
  }

  /**
   * Parses the object form ({@code consul: {address, scheme, token}}). A scheme in {@code address}
   * and a {@code scheme} field must agree.
   */
  public static ConsulAddress fromObject(
      @Nullable String address, @Nullable String scheme, @Nullable String token)
      throws InvalidConsulAddressException {
    if (address == null || address.isBlank()) {
      throw new InvalidConsulAddressException(
          "consul.address", "is required, e.g. \"consul:8500\"");
    }
    String normalisedScheme = null;
    if (scheme != null && !scheme.isBlank()) {
      normalisedScheme = scheme.strip().toLowerCase(Locale.ROOT);
      if (!normalisedScheme.equals("http") && !normalisedScheme.equals("https")) {
        throw new InvalidConsulAddressException(
            "consul.scheme", "must be \"http\" or \"https\", got \"" + scheme + "\"");
      }
    }
    return parseAddress("consul.address", address, normalisedScheme, token);
  }

  private static ConsulAddress parseAddress(
      String field, String value, @Nullable String explicitScheme, @Nullable String token)
      throws InvalidConsulAddressException {
    String rest = value.strip();
    String scheme = explicitScheme != null ? explicitScheme : "http";
    int separator = rest.indexOf("://");
    if (separator >= 0) {
      String given = rest.substring(0, separator).toLowerCase(Locale.ROOT);
      if (!given.equals("http") && !given.equals("https")) {
        throw new InvalidConsulAddressException(
            field, "scheme must be http:// or https://, got \"" + value + "\"");
      }
      if (explicitScheme != null && !explicitScheme.equals(given)) {
        throw new InvalidConsulAddressException(
            "consul.scheme",
            "is \"" + explicitScheme + "\" but consul.address starts with " + given + "://");
      }
      scheme = given;
      rest = rest.substring(separator + 3);
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    Matcher matcher = HOST_PORT.matcher(rest);
    if (!matcher.matches()) {
      throw new InvalidConsulAddressException(
          field, "must be host:port, optionally with http:// or https://, got \"" + value + "\"");
    }
    String v6 = matcher.group("v6");
    String host = v6 != null ? v6 : matcher.group("host");
    String portText = matcher.group("port");
    int port = portText == null ? DEFAULT_PORT : Integer.parseInt(portText);
    if (port < 1 || port > 65_535) {
      throw new InvalidConsulAddressException(
          field, "port must be 1..65535, got " + port + " in \"" + value + "\"");
    }
    return new ConsulAddress(scheme, host, port, token);
  }

  /**
   * This address with {@code fallbackToken} (the caller reads {@code CONSUL_HTTP_TOKEN}) used when
   * the config gave no token: a token in the config wins.
   */
  public ConsulAddress withTokenFallback(@Nullable String fallbackToken) {
    if (token != null || fallbackToken == null || fallbackToken.isBlank()) {
      return this;
    }
    return new ConsulAddress(scheme, host, port, fallbackToken);
  }

  public boolean isHttps() {
    return scheme.equals("https");
  }

  /** {@code scheme://host:port}, with IPv6 hosts bracketed; never includes the token. */
  public String url() {
    return scheme + "://" + hostForUrl() + ":" + port;
  }

  String hostForUrl() {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return url() + (token != null ? " (with token)" : "");
  }
}
