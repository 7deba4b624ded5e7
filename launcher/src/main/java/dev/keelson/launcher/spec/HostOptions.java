package dev.keelson.launcher.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Namespaces, privileges and storage the container gets from the host. */
public record HostOptions(
    @Nullable String net,
    @Nullable String ipc,
    @Nullable String pid,
    @Nullable String uts,
    @Nullable String hostname,
    List<String> extraHosts,
    @Nullable Boolean privileged,
    List<String> securityOpt,
    List<String> capAdd,
    List<String> capDrop,
    List<String> groupAdd,
    List<String> volumes,
    List<String> volumesFrom) {

  public HostOptions {
    extraHosts = List.copyOf(extraHosts);
    securityOpt = List.copyOf(securityOpt);
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    groupAdd = List.copyOf(groupAdd);
    volumes = List.copyOf(volumes);
    volumesFrom = List.copyOf(volumesFrom);
  }
}
