package dev.keelson.launcher.plan;

import dev.keelson.launcher.spec.HostOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a plan's ordered actions into stages, from the actions alone, so the staging cannot drift
 * from the plan. Removals are independent of each other and run together; detached runs of one
 * {@code start_order} level run together; a {@code detach: false} run or an exec entry is a barrier
 * (everything before it in file order has finished, nothing after it has begun), as paunch's
 * sequential run guaranteed. Pulls and renames stay sequential: a failed pull stops the run, and a
 * rename may free the name the next one takes.
 *
 * <p>An entry that names another container ({@code volumes_from}, or {@code net}, {@code ipc},
 * {@code pid} as {@code container:NAME}) needs that container to exist (and, for the namespaces, to
 * run) when it is created. paunch's file order gave it that when the named entry came first, so
 * such an entry starts a new stage when what it names is in the stage being gathered: it then runs
 * only once the named container has been made. File order is kept; only the stage is cut.
 */
final class Stages {

  private Stages() {}

  static List<Stage> of(List<Action> actions) {
    List<Stage> stages = new ArrayList<>();
    List<Action> current = new ArrayList<>();
    @Nullable Object currentKey = null;
    for (Action action : actions) {
      Object key = groupKey(action);
      if (key == null || !key.equals(currentKey) || namesAnyOf(action, current)) {
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

  /** Whether {@code action} creates a container that refers to one {@code gathered} creates. */
  private static boolean namesAnyOf(Action action, List<Action> gathered) {
    Action.RunContainer made = action.containerToMake();
    if (made == null || gathered.isEmpty()) {
      return false;
    }
    Set<String> named = namedContainers(made.spec().host());
    if (named.isEmpty()) {
      return false;
    }
    for (Action other : gathered) {
      Action.RunContainer otherMade = other.containerToMake();
      // Docker resolves the name against container names: the entry's, or its suffixed one.
      if (otherMade != null
          && (named.contains(otherMade.spec().name())
              || named.contains(otherMade.containerName()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The containers an entry's options name: each {@code volumes_from} item ({@code NAME[:ro|:rw]})
   * and the {@code container:NAME} form of {@code net}, {@code ipc} and {@code pid}.
   */
  static Set<String> namedContainers(HostOptions host) {
    Set<String> names = new HashSet<>();
    for (String item : host.volumesFrom()) {
      int colon = item.indexOf(':');
      names.add(colon < 0 ? item : item.substring(0, colon));
    }
    for (@Nullable String mode : new @Nullable String[] {host.net(), host.ipc(), host.pid()}) {
      if (mode != null && mode.startsWith("container:")) {
        names.add(mode.substring("container:".length()));
      }
    }
    return names;
  }

  private static void flush(List<Stage> stages, List<Action> current, boolean concurrent) {
    if (current.isEmpty()) {
      return;
    }
    stages.add(new Stage(concurrent && current.size() > 1, current));
    current.clear();
  }
}
