package dev.keelson.launcher.observe;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a pull would bring, asked before pulling (a dry run of {@code --pull always}): the manifest
 * each tag's registry serves now, and the manifests the containers' images were pulled or pushed
 * as. A pull leaves a container on its image exactly when that image is the served manifest.
 *
 * @param served image reference to the digest of the manifest its registry serves, for the
 *     registries that said
 * @param ofImageIds image id to the manifest digests of its {@code RepoDigests} (none for an image
 *     only built here)
 * @param unanswered the image references whose registry did not say (it refused, or lacks the tag,
 *     or the engine lacks the call)
 */
public record RegistryDigests(
    Map<String, String> served, Map<String, Set<String>> ofImageIds, Set<String> unanswered) {

  public static final RegistryDigests NONE = new RegistryDigests(Map.of(), Map.of(), Set.of());

  public RegistryDigests {
    served = Map.copyOf(served);
    ofImageIds = Map.copyOf(ofImageIds);
    unanswered = Set.copyOf(unanswered);
  }

  /**
   * The manifest a pull of {@code image} brings, when that is not the image {@code imageId} (so the
   * tag would then name another image); null when the registry did not say or the pull changes
   * nothing for it.
   */
  public @Nullable String movedFrom(String image, String imageId) {
    String digest = served.get(image);
    if (digest == null || ofImageIds.getOrDefault(imageId, Set.of()).contains(digest)) {
      return null;
    }
    return digest;
  }
}
