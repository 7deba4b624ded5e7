package dev.keelson.launcher.manifest;

import java.util.regex.Pattern;

/** The value rules container-agent applies to a v1beta1 manifest, as plain predicates. */
final class ManifestRules {

  /** container-agent's limit for mount paths and the working directory. */
  static final int MAX_PATH_LENGTH = 512;

  static final int MAX_LABEL_LENGTH = 63;

  /** RFC 1035 label: a lowercase letter first, then letters, digits or '-', not ending in '-'. */
  private static final Pattern RFC_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  /** A C identifier: what a shell can export, and what container-agent allows as an env key. */
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Pattern IPV4_OCTET = Pattern.compile("25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d");

  private ManifestRules() {}

  static boolean isRfc1035Label(String name) {
    return name.length() <= MAX_LABEL_LENGTH && RFC_1035_LABEL.matcher(name).matches();
  }

  static boolean isCIdentifier(String key) {
    return C_IDENTIFIER.matcher(key).matches();
  }

  static boolean isPort(long port) {
    return port >= 1 && port <= 65535;
  }

  /** Dotted-quad IPv4 only: container-agent binds host ports on IPv4 addresses. */
  static boolean isIpv4(String address) {
    String[] octets = address.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (!IPV4_OCTET.matcher(octet).matches()) {
        return false;
      }
    }
    return true;
  }

  static boolean isAbsolutePath(String path) {
    return path.startsWith("/") && path.length() <= MAX_PATH_LENGTH;
  }

  /** The protocol as the engine spells it ({@code tcp}, {@code udp}), or "" for anything else. */
  static String protocol(String text) {
    return switch (text.toUpperCase(java.util.Locale.ROOT)) {
      case "TCP" -> "tcp";
      case "UDP" -> "udp";
      default -> "";
    };
  }
}
