package dev.keelson.launcher.plan;

import java.util.Locale;
import java.util.Optional;

/** When {@code apply} pulls an entry's image ({@code --pull}). */
public enum PullPolicy {
  /** Pull images that are not present (paunch's behaviour, the default). */
  MISSING,
  /**
   * Pull every image, and replace containers whose image tag now resolves to another image id
   * (paunch never noticed a moved tag).
   */
  ALWAYS,
  /** Never pull; an absent image is an error naming it. */
  NEVER;

  public static Optional<PullPolicy> parse(String text) {
    for (PullPolicy policy : values()) {
      if (policy.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }
}
