package dev.keelson.launcher.plan;

import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.spec.ContainerSpec;
import org.jspecify.annotations.Nullable;

/**
 * With {@code --pull always}, a container whose config still matches is replaced when its tag now
 * names another image: the container keeps the image id it was created from, the tag has moved on.
 * Decided from observed values only: the container's image id and the tag's id after the pull.
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
    if (current == null || createdFrom == null || current.equals(createdFrom)) {
      return null;
    }
    return "image id ("
        + shorten(createdFrom)
        + " => "
        + shorten(current)
        + "): "
        + spec.image()
        + " now names another image";
  }

  /** Docker's short form: the first 12 hex digits, without the {@code sha256:} prefix. */
  static String shorten(String imageId) {
    String hex = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
    return hex.length() > SHORT_ID ? hex.substring(0, SHORT_ID) : hex;
  }
}
