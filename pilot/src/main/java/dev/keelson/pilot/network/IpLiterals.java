package dev.keelson.pilot.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parsing IP literals without DNS, and formatting them the way ContainerPilot prints them. */
public final class IpLiterals {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpLiterals() {}

  /**
   * Parses a dotted-quad IPv4 or an IPv6 literal (no brackets, no zone).
   *
   * @throws IllegalArgumentException when {@code literal} is not one
   */
  public static InetAddress parse(String literal) {
    if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
      throw new IllegalArgumentException("not an IP address: " + literal);
    }
    try {
      // a literal of these shapes is parsed, never looked up
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }

  /** Whether {@code literal} is an address {@link #parse} accepts. */
  public static boolean isLiteral(String literal) {
    try {
      parse(literal);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Dotted quad for IPv4; for IPv6 lower-case hex without leading zeros, the longest run of two or
   * more zero groups (the first, on a tie) written as {@code ::}, and no zone (RFC 5952, as Go's
   * {@code IP.String()}).
   */
  public static String format(InetAddress address) {
    byte[] raw = address.getAddress();
    if (address instanceof Inet4Address) {
      return (raw[0] & 0xff)
          + "."
          + (raw[1] & 0xff)
          + "."
          + (raw[2] & 0xff)
          + "."
          + (raw[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int end = i;
      while (end < 8 && groups[end] == 0) {
        end++;
      }
      if (end - i > bestLength) {
        bestStart = i;
        bestLength = end - i;
      }
      i = end;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
