package dev.keelson.launcher.plan;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a plan's ordered actions into stages, from the actions alone, so the staging cannot drift
 * from the plan. Removals are independent of each other and run together; detached runs of one
 * {@code start_order} level run together; a {@code detach: false} run or an exec entry is a barrier
 * (everything before it in file order has finished, nothing after it has begun), as paunch's
 * sequential run guaranteed. Pulls and renames stay sequential: a failed pull stops the run, and a
 * rename may free the name the next one takes.
 */
final class Stages {

  private Stages() {}

  static List<Stage> of(List<Action> actions) {
    List<Stage> stages = new ArrayList<>();
    List<Action> current = new ArrayList<>();
    @Nullable Object currentKey = null;
    for (Action action : actions) {
      Object key = groupKey(action);
      if (key == null || !key.equals(currentKey)) {
        flush(stages, current, currentKey != null);
        currentKey = key;
      }
      current.add(action);
    }
    flush(stages, current, currentKey != null);
    return stages;
  }

  /** Consecutive actions with equal keys share a concurrent stage; null: a stage of its own. */
  private static @Nullable Object groupKey(Action action) {
    if (action instanceof Action.RemoveContainer) {
      return "remove";
    }
    if (action instanceof Action.ChangeState change) {
      return "state@" + change.transition();
    }
    if (action instanceof Action.CreateContainer create) {
      return "create@" + create.run().spec().startOrder();
    }
    if (action instanceof Action.RunContainer run && run.spec().process().detach()) {
      return "run@" + run.spec().startOrder();
    }
    return null;
  }

  private static void flush(List<Stage> stages, List<Action> current, boolean concurrent) {
    if (current.isEmpty()) {
      return;
    }
    stages.add(new Stage(concurrent && current.size() > 1, current));
    current.clear();
  }
}
