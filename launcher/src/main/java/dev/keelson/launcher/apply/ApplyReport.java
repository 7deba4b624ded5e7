package dev.keelson.launcher.apply;

import dev.keelson.launcher.plan.Plan;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The plan and what became of each action.
 *
 * @param exitCode as paunch computes it: the status of the last failed action, 0 when none failed;
 *     1 when the engine stopped answering
 * @param engineLost why the run stopped early, when the engine could no longer be reached: the
 *     actions after that are skipped (and reported as such), and the next run converges from the
 *     labels
 */
public record ApplyReport(
    Plan plan, List<ActionOutcome> outcomes, int exitCode, @Nullable String engineLost) {

  public ApplyReport {
    outcomes = List.copyOf(outcomes);
  }

  /** A run that reached its end. */
  public ApplyReport(Plan plan, List<ActionOutcome> outcomes, int exitCode) {
    this(plan, outcomes, exitCode, null);
  }

  /** A run with nothing to do. */
  public static ApplyReport empty() {
    return new ApplyReport(new Plan(List.of(), List.of()), List.of(), 0);
  }

  /**
   * Whether every action was attempted: nothing was skipped after a failed pull or a lost engine
   * (an action that was attempted and failed still counts).
   */
  public boolean ranToTheEnd() {
    return engineLost == null
        && outcomes.stream().noneMatch(outcome -> outcome.status() == ActionOutcome.Status.SKIPPED);
  }

  public List<ActionOutcome> failures() {
    return outcomes.stream().filter(ActionOutcome::failed).toList();
  }
}
