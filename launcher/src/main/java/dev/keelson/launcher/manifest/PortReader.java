package dev.keelson.launcher.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.launcher.spec.PortBinding;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validates one {@code ports} item: its name, the two port numbers, the host address and the
 * protocol, and that no other port (of this manifest, or of those applied with it) publishes the
 * same (hostIp, hostPort, protocol).
 */
final class PortReader {

  private final ValueReader reader;
  private final HostPorts hostPorts;
  private final String file;

  PortReader(ValueReader reader, HostPorts hostPorts, String file) {
    this.reader = reader;
    this.hostPorts = hostPorts;
    this.file = file;
  }

  /**
   * The port, or null when it has errors (they are recorded).
   *
   * @param names the port names already used in this container
   */
  @Nullable PortBinding read(JsonNode port, Field field, Set<String> names) {
    int errorsBefore = reader.errorCount();
    Field nameField = field.key("name");
    String name = reader.text(ValueReader.get(port, "name"), nameField);
    if (name != null && !name.isEmpty()) {
      if (!ManifestRules.isRfc1035Label(name)) {
        reader.error(
            nameField, "is invalid: '" + name + "' (" + ManifestParser.RFC_1035_HINT + ")");
      } else if (!names.add(name)) {
        reader.error(nameField, "is invalid: '" + name + "' (duplicate port name)");
      }
    }
    Long containerPort = port(port, field, "containerPort");
    if (containerPort == null && absent(ValueReader.get(port, "containerPort"))) {
      reader.error(field.key("containerPort"), "is required");
    }
    // As container-agent's host_port = port_spec.get('hostPort', ctr_port): every port is
    // published, so an absent hostPort takes part in the uniqueness check under containerPort.
    Long hostPort =
        absent(ValueReader.get(port, "hostPort")) ? containerPort : port(port, field, "hostPort");
    Field hostIpField = field.key("hostIp");
    String hostIp = reader.text(ValueReader.get(port, "hostIp"), hostIpField);
    if (hostIp != null && !hostIp.isEmpty() && !ManifestRules.isIpv4(hostIp)) {
      reader.error(hostIpField, "is invalid: '" + hostIp + "' (must be an IPv4 address)");
    }
    Field protocolField = field.key("protocol");
    String protocolText = reader.text(ValueReader.get(port, "protocol"), protocolField);
    String protocol = protocolText == null ? "tcp" : ManifestRules.protocol(protocolText);
    if (protocol.isEmpty()) {
      reader.error(protocolField, "is invalid: '" + protocolText + "' (must be TCP or UDP)");
    }
    if (reader.errorCount() > errorsBefore || containerPort == null || hostPort == null) {
      return null;
    }
    String address = hostIp == null || hostIp.isEmpty() ? null : hostIp;
    if (!claimHostPort(field, address, hostPort, protocol)) {
      return null;
    }
    return new PortBinding(containerPort.intValue(), hostPort.intValue(), address, protocol);
  }

  /** Absent or null, as the other fields of a manifest read them. */
  private static boolean absent(JsonNode value) {
    return value.isMissingNode() || value.isNull();
  }

  /** Null when absent or wrong (recorded); 0 is out of range, as container-agent's IsValidPort. */
  private @Nullable Long port(JsonNode port, Field field, String key) {
    Long number = reader.integer(ValueReader.get(port, key), field.key(key));
    if (number == null) {
      return null;
    }
    if (!ManifestRules.isPort(number)) {
      reader.error(field.key(key), "is invalid: " + number + " (a port is 1-65535)");
      return null;
    }
    return number;
  }

  private boolean claimHostPort(
      Field field, @Nullable String hostIp, long hostPort, String protocol) {
    HostPorts.Key key = new HostPorts.Key(hostIp == null ? "" : hostIp, hostPort, protocol);
    String other = hostPorts.claim(key, file, field.path());
    if (other != null) {
      reader.error(
          field.key("hostPort"),
          "is invalid: "
              + hostPort
              + " ("
              + (hostIp == null ? "" : hostIp + ":")
              + hostPort
              + "/"
              + protocol
              + " is already published by "
              + other
              + ")");
      return false;
    }
    return true;
  }
}
