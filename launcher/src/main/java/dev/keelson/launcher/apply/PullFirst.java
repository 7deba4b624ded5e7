package dev.keelson.launcher.apply;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.launcher.engine.EngineException;
import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --pull always} in two steps: pull every image, then plan again and carry out the rest.
 * Which containers run an outdated image is only known once the tags resolve to what the registry
 * has now, so the planner must see the engine after the pulls.
 */
final class PullFirst {

  /** Plans again against the engine as it is now. */
  interface Replanner {
    Plan plan() throws ConfigException;
  }

  private PullFirst() {}

  static ApplyReport execute(PlanExecutor executor, Plan plan, Replanner replanner)
      throws ConfigException {
    Plan pulls =
        new Plan(
            plan.actions().stream().filter(action -> action instanceof Action.PullImage).toList(),
            List.of());
    ApplyReport pulled = executor.execute(pulls);
    if (!pulled.failures().isEmpty()) {
      return pulled;
    }
    Plan after;
    try {
      after = replanner.plan();
    } catch (EngineException e) {
      if (!e.isUnreachable()) {
        throw e;
      }
      // the pulls happened: report them, and why the rest was not even planned
      return new ApplyReport(pulls, pulled.outcomes(), 1, String.valueOf(e.getMessage()));
    }
    Plan rest =
        new Plan(
            after.actions().stream()
                .filter(action -> !(action instanceof Action.PullImage))
                .toList(),
            after.notes());
    ApplyReport done = executor.execute(rest);
    List<Action> actions = new ArrayList<>(pulls.actions());
    actions.addAll(rest.actions());
    List<ActionOutcome> outcomes = new ArrayList<>(pulled.outcomes());
    outcomes.addAll(done.outcomes());
    return new ApplyReport(
        new Plan(actions, rest.notes()), outcomes, done.exitCode(), done.engineLost());
  }
}
