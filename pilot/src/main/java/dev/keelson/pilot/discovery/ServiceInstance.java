package dev.keelson.pilot.discovery;

import java.util.Comparator;

/**
 * One passing instance of a service as a backend sees it: only the address and port count, so a
 * re-registration with new tags or a new id at the same address:port is not a change.
 */
public record ServiceInstance(String address, int port) implements Comparable<ServiceInstance> {

  private static final Comparator<ServiceInstance> ORDER =
      Comparator.comparing(ServiceInstance::address).thenComparingInt(ServiceInstance::port);

  public ServiceInstance {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
  }

  @Override
  public int compareTo(ServiceInstance other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return address + ":" + port;
  }
}
