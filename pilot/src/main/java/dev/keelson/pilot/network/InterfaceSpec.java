package dev.keelson.pilot.network;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a service's {@code interfaces}: a rule that picks at most one address from the
 * sorted list of the host's addresses. {@link #text()} is the spec as the user wrote it.
 */
public sealed interface InterfaceSpec {

  /** IP family a spec asks for. */
  enum Family {
    IPV4,
    IPV6
  }

  String text();

  /**
   * The first address in {@code sorted} (already in {@link NetworkAddress#ORDER}) this spec
   * accepts, as text; empty when none.
   */
  Optional<String> pick(List<NetworkAddress> sorted);

  /**
   * {@code inet} / {@code inet6}: the first address of that family on any interface except
   * loopback.
   */
  record AnyInterface(String text, Family family) implements InterfaceSpec {
    @Override
    public Optional<String> pick(List<NetworkAddress> sorted) {
      return sorted.stream()
          .filter(candidate -> !candidate.isLoopback())
          .filter(candidate -> candidate.isIpv4() == (family == Family.IPV4))
          .findFirst()
          .map(candidate -> IpLiterals.format(candidate.address()));
    }
  }

  /**
   * {@code eth0}, {@code eth0:inet}, {@code eth0:inet6}: the first address of that family on the
   * interface (which may be {@code lo}).
   */
  record NamedInterface(String text, String interfaceName, Family family) implements InterfaceSpec {
    @Override
    public Optional<String> pick(List<NetworkAddress> sorted) {
      return sorted.stream()
          .filter(candidate -> candidate.interfaceName().equals(interfaceName))
          .filter(candidate -> candidate.isIpv4() == (family == Family.IPV4))
          .findFirst()
          .map(candidate -> IpLiterals.format(candidate.address()));
    }
  }

  /**
   * {@code eth0[1]}: the address at that 0-based index on the interface, both families counted
   * together.
   */
  record IndexedInterface(String text, String interfaceName, int index) implements InterfaceSpec {
    @Override
    public Optional<String> pick(List<NetworkAddress> sorted) {
      return sorted.stream()
          .filter(candidate -> candidate.interfaceName().equals(interfaceName))
          .skip(index)
          .findFirst()
          .map(candidate -> IpLiterals.format(candidate.address()));
    }
  }

  /**
   * {@code 10.0.0.0/16}, {@code fdc6::/48}: the first address inside the network, on any interface,
   * loopback included.
   */
  record Cidr(String text, InetAddress network, int prefixLength) implements InterfaceSpec {
    @Override
    public Optional<String> pick(List<NetworkAddress> sorted) {
      return sorted.stream()
          .filter(candidate -> contains(candidate.address()))
          .findFirst()
          .map(candidate -> IpLiterals.format(candidate.address()));
    }

    boolean contains(InetAddress candidate) {
      byte[] net = network.getAddress();
      byte[] ip = candidate.getAddress();
      if (net.length != ip.length) {
        return false;
      }
      int remaining = prefixLength;
      for (int i = 0; i < net.length && remaining > 0; i++, remaining -= 8) {
        int mask = remaining >= 8 ? 0xff : (0xff << (8 - remaining)) & 0xff;
        if ((net[i] & mask) != (ip[i] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code static:1.2.3.4}: that address, whether or not the host has it. */
  record Static(String text, InetAddress address) implements InterfaceSpec {
    @Override
    public Optional<String> pick(List<NetworkAddress> sorted) {
      return Optional.of(IpLiterals.format(address));
    }
  }
}
