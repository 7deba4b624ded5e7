package dev.keelson.launcher.apply;

import dev.keelson.launcher.plan.Plan;
import java.util.List;

/**
 * The plan and what became of each action.
 *
 * @param exitCode as paunch computes it: the status of the last failed action, 0 when none failed
 */
public record ApplyReport(Plan plan, List<ActionOutcome> outcomes, int exitCode) {

  public ApplyReport {
    outcomes = List.copyOf(outcomes);
  }

  /** A run with nothing to do. */
  public static ApplyReport empty() {
    return new ApplyReport(new Plan(List.of(), List.of()), List.of(), 0);
  }

  public List<ActionOutcome> failures() {
    return outcomes.stream().filter(ActionOutcome::failed).toList();
  }
}
