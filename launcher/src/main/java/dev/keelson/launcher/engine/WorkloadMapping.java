package dev.keelson.launcher.engine;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import dev.keelson.launcher.spec.PortBinding;
import dev.keelson.launcher.spec.WorkloadOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Adds what only manifest containers carry: the working directory and the ports. Every port is
 * exposed and published, as {@code docker run -p hostIp:hostPort:port}.
 */
final class WorkloadMapping {

  private WorkloadMapping() {}

  static void apply(CreateContainerCmd cmd, WorkloadOptions workload) {
    if (workload.workingDir() != null) {
      cmd.withWorkingDir(workload.workingDir());
    }
    if (workload.ports().isEmpty()) {
      return;
    }
    List<ExposedPort> exposed = new ArrayList<>();
    Ports bindings = new Ports();
    for (PortBinding port : workload.ports()) {
      ExposedPort containerPort =
          new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
      exposed.add(containerPort);
      bindings.bind(
          containerPort, new Ports.Binding(port.hostIp(), String.valueOf(port.hostPort())));
    }
    cmd.withExposedPorts(exposed);
    HostConfig host = Objects.requireNonNull(cmd.getHostConfig(), "host config is set first");
    host.withPortBindings(bindings);
  }
}
