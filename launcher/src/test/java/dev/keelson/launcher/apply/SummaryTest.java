package dev.keelson.launcher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  private final Action removeA = new Action.RemoveContainer("1", "a", "gone");
  private final Action removeB = new Action.RemoveContainer("2", "b", "gone");
  private final Action rename = new Action.RenameContainer("3", "c-x", "c", "free");

  @Test
  void of_doneAndFailedActions_countsEachKindInOrder() {
    Plan plan = new Plan(List.of(removeA, removeB, rename), List.of());
    ApplyReport report =
        new ApplyReport(
            plan,
            List.of(
                ActionOutcome.done(removeA),
                ActionOutcome.failed(removeB, 1, "boom"),
                ActionOutcome.done(rename)),
            1);

    assertThat(Summary.of(report))
        .isEqualTo("removed 1 container, renamed 1 container, 1 action failed.");
  }

  @Test
  void of_actionsSkippedAfterAFailedPull_areCounted() {
    Action pull = new Action.PullImage("img:1", "not present on the engine");
    Plan plan = new Plan(List.of(pull, removeA, removeB), List.of());
    ApplyReport report =
        new ApplyReport(
            plan,
            List.of(
                ActionOutcome.failed(pull, 1, "not found"),
                ActionOutcome.skipped(removeA),
                ActionOutcome.skipped(removeB)),
            1);

    assertThat(Summary.of(report)).isEqualTo("1 action failed, 2 actions skipped.");
  }

  @Test
  void of_nothingDone_saysNoActionTaken() {
    assertThat(Summary.of(ApplyReport.empty())).isEqualTo("No action taken.");
  }

  @Test
  void planned_actions_saysWhatWouldHappen() {
    assertThat(Summary.planned(new Plan(List.of(removeA, removeB), List.of())))
        .isEqualTo("would remove 2 containers.");
    assertThat(Summary.planned(new Plan(List.of(), List.of()))).isEqualTo("No action needed.");
  }
}
