package dev.keelson.launcher.observe;

import java.util.Map;

/** Observed containers as paunch labels them, for planner tests: config id cfg, owner paunch. */
public final class PaunchContainers {

  private PaunchContainers() {}

  /**
   * The container {@code id-NAME} named {@code name}, running {@code image} in {@code state}, with
   * {@code configData} as its stored entry; an exited one exited 0.
   */
  public static ObservedContainer labelled(
      String name, String state, String image, String configData) {
    return new ObservedContainer(
        "id-" + name,
        name,
        state,
        image,
        Map.of(
            "managed_by",
            "paunch",
            "config_id",
            "cfg",
            "container_name",
            name,
            "config_data",
            configData),
        "exited".equals(state) ? 0 : null);
  }
}
