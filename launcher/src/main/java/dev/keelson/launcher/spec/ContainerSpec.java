package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One validated config entry.
 *
 * @param name the entry key: the desired container name and the {@code container_name} label
 * @param entry the entry exactly as loaded, key order and unknown keys included, because the {@code
 *     config_data} label is its serialisation; never mutate it
 * @param image required for {@link EntryAction#RUN}
 * @param command for exec entries the first word names the target container
 * @param exitCodes the exit statuses of a blocking run or an exec that count as success
 * @param workload ports and working directory, set only for container-agent manifest containers
 */
public record ContainerSpec(
    String name,
    ObjectNode entry,
    EntryAction action,
    int startOrder,
    Set<Integer> exitCodes,
    @Nullable String image,
    List<String> command,
    ProcessOptions process,
    HostOptions host,
    ResourceOptions resources,
    WorkloadOptions workload) {

  public ContainerSpec {
    exitCodes = Set.copyOf(exitCodes);
    command = List.copyOf(command);
    entry = entry.deepCopy();
  }

  /** A paunch config entry, which has no ports or working directory. */
  public ContainerSpec(
      String name,
      ObjectNode entry,
      EntryAction action,
      int startOrder,
      Set<Integer> exitCodes,
      @Nullable String image,
      List<String> command,
      ProcessOptions process,
      HostOptions host,
      ResourceOptions resources) {
    this(
        name,
        entry,
        action,
        startOrder,
        exitCodes,
        image,
        command,
        process,
        host,
        resources,
        WorkloadOptions.NONE);
  }

  /** The {@code config_data} label value for this entry. */
  public String configData() {
    return ConfigData.serialise(entry);
  }
}
