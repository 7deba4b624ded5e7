package dev.keelson.launcher.engine;

import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.observe.RegistryDigests;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Takes the snapshot the planner decides from. */
public final class Observer {

  private Observer() {}

  /**
   * Lists every container, inspects the exit code of the owner's stopped containers (so a failed
   * one-shot container can be run again), and checks which of {@code images} are present and which
   * image id each resolves to.
   */
  public static ObservedState observe(
      ContainerEngine engine, String managedBy, Collection<String> images) {
    List<ObservedContainer> containers = new ArrayList<>();
    for (ObservedContainer container : engine.listContainers()) {
      if (container.isManagedBy(managedBy) && container.isExited()) {
        OptionalInt exitCode = engine.exitCode(container.id());
        containers.add(
            new ObservedContainer(
                container.id(),
                container.name(),
                container.state(),
                container.image(),
                container.labels(),
                exitCode.isPresent() ? exitCode.getAsInt() : null,
                container.imageId()));
      } else {
        containers.add(container);
      }
    }
    Set<String> present = new HashSet<>();
    Map<String, String> ids = new HashMap<>();
    for (String image : images) {
      Optional<String> id = engine.imageId(image);
      if (id.isPresent()) {
        present.add(image);
        ids.put(image, id.get());
      }
    }
    return new ObservedState(containers, present, ids);
  }

  /**
   * What the registries of {@code images} serve for them now (nothing is pulled), and the manifests
   * the images {@code imageIds} were pulled or pushed as.
   */
  public static RegistryDigests registryDigests(
      ContainerEngine engine, Collection<String> images, Collection<String> imageIds) {
    Map<String, String> served = new HashMap<>();
    Set<String> unanswered = new HashSet<>();
    for (String image : images) {
      Optional<String> digest = engine.registryDigest(image);
      if (digest.isPresent()) {
        served.put(image, digest.get());
      } else {
        unanswered.add(image);
      }
    }
    Map<String, Set<String>> ofImageIds = new HashMap<>();
    if (!served.isEmpty()) {
      for (String imageId : imageIds) {
        ofImageIds.put(imageId, engine.localDigests(imageId));
      }
    }
    return new RegistryDigests(served, ofImageIds, unanswered);
  }
}
