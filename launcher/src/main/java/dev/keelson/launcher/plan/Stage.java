package dev.keelson.launcher.plan;

import java.util.List;

/**
 * Actions that may run at the same time ({@code concurrent}) or must run one after another in the
 * order given. A stage starts only when the one before it has finished.
 */
public record Stage(boolean concurrent, List<Action> actions) {

  public Stage {
    actions = List.copyOf(actions);
  }
}
