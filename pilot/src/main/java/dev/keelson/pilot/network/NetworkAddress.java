package dev.keelson.pilot.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One address of one network interface.
 *
 * @param interfaceName e.g. {@code eth0}, {@code lo}
 * @param address IPv4 or IPv6; any zone is ignored
 */
public record NetworkAddress(String interfaceName, InetAddress address) {

  /**
   * ContainerPilot's order: by interface name, then by the 16-byte form of the address (IPv4 as
   * {@code ::ffff:a.b.c.d}), compared as unsigned bytes.
   */
  public static final Comparator<NetworkAddress> ORDER =
      Comparator.comparing(NetworkAddress::interfaceName)
          .thenComparing(NetworkAddress::sixteenBytes, Arrays::compareUnsigned);

  /** Parses a literal address (never a DNS lookup): {@code of("eth0", "10.0.0.2")}. */
  public static NetworkAddress of(String interfaceName, String literal) {
    return new NetworkAddress(interfaceName, IpLiterals.parse(literal));
  }

  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }

  public boolean isLoopback() {
    return address.isLoopbackAddress();
  }

  byte[] sixteenBytes() {
    byte[] raw = address.getAddress();
    if (raw.length == 16) {
      return raw;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(raw, 0, mapped, 12, 4);
    return mapped;
  }

  @Override
  public String toString() {
    return interfaceName + ":" + IpLiterals.format(address);
  }
}
