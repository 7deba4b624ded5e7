package dev.keelson.pilot.network;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The host's (container's) interface addresses, read through {@link NetworkInterface}. */
public final class HostInterfaces {

  private HostInterfaces() {}

  /**
   * Every address of every interface, up or down, as ContainerPilot lists them. Interfaces that
   * vanish while being read are skipped.
   */
  public static List<NetworkAddress> addresses() throws SocketException {
    List<NetworkAddress> found = new ArrayList<>();
    for (NetworkInterface networkInterface :
        Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
        found.add(new NetworkAddress(networkInterface.getName(), address));
      }
    }
    return List.copyOf(found);
  }
}
