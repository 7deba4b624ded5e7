package dev.keelson.launcher.plan;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Apply plans for tests: config id cfg, owner paunch, image img:1 present, suffix suffix00. */
public final class ApplyPlans {

  private ApplyPlans() {}

  /** The plan for applying {@code yaml} (as c.yml) over {@code observed}. */
  public static Plan of(String yaml, List<ObservedContainer> observed) throws Exception {
    return Reconciler.apply(
        new DesiredState(
            PaunchConfigParser.parse(YamlDocuments.parse(ConfigSource.of("c.yml", yaml)))),
        new ObservedState(observed, Set.of("img:1")),
        new ReconcileOptions("cfg", "paunch", Map.of(), () -> "suffix00"));
  }
}
