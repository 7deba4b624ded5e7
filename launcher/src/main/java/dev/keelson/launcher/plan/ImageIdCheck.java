package dev.keelson.launcher.plan;

import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.spec.ContainerSpec;
import org.jspecify.annotations.Nullable;

/**
 * With {@code --pull always}, a container whose config still matches is replaced when its tag now
 * names another image: the container keeps the image id it was created from, the tag has moved on.
 * Decided from observed values only: the container's image id and the tag's id after the pull;
 * before it (a dry run), the manifest the tag's registry serves against the local image's.
 */
final class ImageIdCheck {

  private static final int SHORT_ID = 12;

  private ImageIdCheck() {}

  /** The replacement cause, or null when the ids match or one of them is unknown. */
  static @Nullable String cause(
      ObservedContainer container,
      ContainerSpec spec,
      ObservedState observed,
      ReconcileOptions options) {
    if (options.pull() != PullPolicy.ALWAYS || spec.image() == null) {
      return null;
    }
    String current = observed.imageIds().get(spec.image());
    String createdFrom = container.imageId();
    if (createdFrom == null) {
      return null;
    }
    if (observed.registries().served().containsKey(spec.image())) {
      // a dry run, before the pull: what the registry serves decides, since the pull moves the
      // local tag to it (back onto the container's image, too, if it serves that)
      String moved = observed.registries().movedFrom(spec.image(), createdFrom);
      return moved == null
          ? null
          : "image id ("
              + shorten(createdFrom)
              + " => not pulled yet): "
              + spec.image()
              + " now names another image in its registry (manifest "
              + shorten(moved)
              + ")";
    }
    if (current != null && !current.equals(createdFrom)) {
      return "image id ("
          + shorten(createdFrom)
          + " => "
          + shorten(current)
          + "): "
          + spec.image()
          + " now names another image";
    }
    return null;
  }

  /** Docker's short form of an id or digest: 12 hex digits, without the {@code sha256:} prefix. */
  static String shorten(String imageId) {
    String hex = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
    return hex.length() > SHORT_ID ? hex.substring(0, SHORT_ID) : hex;
  }
}
