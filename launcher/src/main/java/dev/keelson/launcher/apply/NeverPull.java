package dev.keelson.launcher.apply;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.Problems;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.PaunchConfig;

/**
 * {@code --pull never}: every image must already be present. Checked before the first change, like
 * bad input, so that a missing image changes nothing.
 */
final class NeverPull {

  private NeverPull() {}

  static void requirePresent(PaunchConfig config, ObservedState observed) throws ConfigException {
    Problems problems = new Problems(config.file());
    for (ContainerSpec spec : config.containers()) {
      String image = spec.image();
      if (image != null && !image.isEmpty() && !observed.presentImages().contains(image)) {
        problems.error(
            spec.name() + ".image",
            "image " + image + " is not present on the engine, and --pull never forbids pulling it",
            null);
      }
    }
    problems.throwIfErrors();
  }
}
