package dev.keelson.pilot.wiring;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The container's host name, the suffix of every service id ({@code <name>-<hostname>}). */
final class Hostname {

  private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private Hostname() {}

  /**
   * The kernel's UTS name, as Go's {@code os.Hostname} reads it; the JDK's lookup is the fallback
   * because it may go through DNS, which can hang in a container.
   */
  static String current() {
    try {
      String name = new String(Files.readAllBytes(KERNEL_HOSTNAME), StandardCharsets.UTF_8).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException e) {
      // not Linux, or /proc not mounted: fall through
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
