package dev.keelson.launcher.cli;

import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.Plan;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.EntryAction;
import dev.keelson.launcher.spec.PaunchConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Watch's rule for one-shot entries ({@code action: exec}, {@code detach: false}): an apply runs
 * them every time (an exec entry always, a {@code remove: true} job because its container is gone),
 * which every few seconds would repeat the job for ever. So watch runs them in its first round and
 * then only in rounds whose config differs from the one last applied.
 */
final class OneShots {

  private OneShots() {}

  static boolean isOneShot(ContainerSpec spec) {
    return spec.action() == EntryAction.EXEC || !spec.process().detach();
  }

  /**
   * Whether two configs have the same entries, in the same order, each with the same content; which
   * file an entry is in, and formatting, do not matter.
   */
  static boolean sameEntries(PaunchConfig one, PaunchConfig other) {
    return entries(one).equals(entries(other));
  }

  private static List<List<Object>> entries(PaunchConfig config) {
    return config.containers().stream()
        .map(spec -> List.<Object>of(spec.name(), spec.entry()))
        .toList();
  }

  /**
   * The plan without the one-shot entries' runs and execs, and without removing their containers (a
   * failed job's container would otherwise be removed to run it again). An exec into a container
   * the plan creates again (it was removed or replaced meanwhile) is kept: it set that container
   * up.
   *
   * @param containers the engine's containers; asked for only when the plan removes one
   */
  static Plan skip(
      Plan plan,
      PaunchConfig config,
      String configId,
      Supplier<List<ObservedContainer>> containers) {
    Set<String> oneShots =
        config.containers().stream()
            .filter(OneShots::isOneShot)
            .map(ContainerSpec::name)
            .collect(Collectors.toSet());
    if (oneShots.isEmpty()) {
      return plan;
    }
    Set<String> keptIds = new HashSet<>();
    if (plan.actions().stream().anyMatch(Action.RemoveContainer.class::isInstance)) {
      containers.get().stream()
          .filter(container -> configId.equals(container.configId()))
          .filter(container -> oneShots.contains(container.desiredName()))
          .forEach(container -> keptIds.add(container.id()));
    }
    // an exec into a container this round creates again (it was removed, or replaced) prepared
    // that container: it runs again with it
    Set<String> created = new HashSet<>();
    for (Action action : plan.actions()) {
      Action.RunContainer made = action.containerToMake();
      if (made != null) {
        created.add(made.containerName());
        created.add(made.spec().name());
      }
    }
    List<Action> actions =
        plan.actions().stream()
            .filter(
                action ->
                    !(action instanceof Action.ExecInContainer exec
                        && !created.contains(exec.targetName())))
            .filter(
                action ->
                    !(action instanceof Action.RunContainer run
                        && oneShots.contains(run.spec().name())))
            .filter(
                action ->
                    !(action instanceof Action.RemoveContainer remove
                        && keptIds.contains(remove.containerId())))
            .toList();
    return new Plan(actions, plan.notes());
  }
}
