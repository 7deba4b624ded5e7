package dev.keelson.launcher.engine;

import java.util.List;
import java.util.Map;

/** What {@code paunch list} shows about a container. */
public record ContainerDetails(
    String id,
    String name,
    String image,
    List<String> command,
    String status,
    Map<String, String> labels) {

  public ContainerDetails {
    command = List.copyOf(command);
    labels = Map.copyOf(labels);
  }
}
