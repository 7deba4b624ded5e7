package dev.keelson.launcher.observe;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One container as the engine reported it.
 *
 * @param name without docker's leading slash
 * @param state the engine's status word: created, running, exited, ...
 * @param exitCode known for exited containers that the observer inspected, otherwise null
 * @param imageId the id of the image the container was created from, when the engine said
 */
public record ObservedContainer(
    String id,
    String name,
    String state,
    String image,
    Map<String, String> labels,
    @Nullable Integer exitCode,
    @Nullable String imageId) {

  public ObservedContainer {
    labels = Map.copyOf(labels);
  }

  public ObservedContainer(
      String id,
      String name,
      String state,
      String image,
      Map<String, String> labels,
      @Nullable Integer exitCode) {
    this(id, name, state, image, labels, exitCode, null);
  }

  public @Nullable String configId() {
    return labels.get(Labels.CONFIG_ID);
  }

  public @Nullable String managedBy() {
    return labels.get(Labels.MANAGED_BY);
  }

  public @Nullable String configData() {
    return labels.get(Labels.CONFIG_DATA);
  }

  /** The name it should have: its {@code container_name} label, or its name when unlabelled. */
  public String desiredName() {
    return labels.getOrDefault(Labels.CONTAINER_NAME, name);
  }

  public boolean hasDesiredNameLabel() {
    return labels.containsKey(Labels.CONTAINER_NAME);
  }

  public boolean isManagedBy(String owner) {
    return owner.equals(managedBy());
  }

  /** Created and never started. */
  public boolean isCreatedOnly() {
    return "created".equals(state);
  }

  public boolean isExited() {
    return "exited".equals(state) || "dead".equals(state);
  }
}
