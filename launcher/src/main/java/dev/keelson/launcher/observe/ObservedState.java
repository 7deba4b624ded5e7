package dev.keelson.launcher.observe;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One snapshot of the engine, taken before planning.
 *
 * @param containers every container on the engine, newest first (the engine's order, which paunch's
 *     choices depend on), managed or not, because names are shared by all of them
 * @param presentImages the images asked about that exist locally
 * @param imageIds image reference to the id it resolves to now, for the present images whose id the
 *     engine reported
 * @param registries what the registries serve for the config's tags; only asked when a dry run
 *     previews {@code --pull always}, {@link RegistryDigests#NONE} otherwise
 */
public record ObservedState(
    List<ObservedContainer> containers,
    Set<String> presentImages,
    Map<String, String> imageIds,
    RegistryDigests registries) {

  public ObservedState {
    containers = List.copyOf(containers);
    presentImages = Set.copyOf(presentImages);
    imageIds = Map.copyOf(imageIds);
  }

  public ObservedState(
      List<ObservedContainer> containers, Set<String> presentImages, Map<String, String> imageIds) {
    this(containers, presentImages, imageIds, RegistryDigests.NONE);
  }

  public ObservedState(List<ObservedContainer> containers, Set<String> presentImages) {
    this(containers, presentImages, Map.of());
  }

  /** This snapshot, with what the registries said of the tags. */
  public ObservedState withRegistries(RegistryDigests digests) {
    return new ObservedState(containers, presentImages, imageIds, digests);
  }

  /** Containers labelled {@code managed_by=owner}, newest first. */
  public List<ObservedContainer> managedBy(String owner) {
    return containers.stream().filter(container -> container.isManagedBy(owner)).toList();
  }

  /** Containers of one config id of {@code owner}, newest first. */
  public List<ObservedContainer> ofConfig(String owner, String configId) {
    return managedBy(owner).stream()
        .filter(container -> configId.equals(container.configId()))
        .toList();
  }
}
