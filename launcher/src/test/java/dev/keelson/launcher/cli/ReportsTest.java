package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.launcher.apply.ActionOutcome;
import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

  @Test
  void text_showsTheNotesADryRunShows_beforeTheSummary() {
    Action remove = new Action.RemoveContainer("1", "web", "changed config_data");
    String note =
        "cannot rename web-abcd1234 to web: web is taken by a container paunch does not manage";
    Plan plan = new Plan(List.of(remove), List.of(note));

    String text =
        Reports.text(
            new ApplyReport(
                plan, List.of(new ActionOutcome(remove, ActionOutcome.Status.DONE, 0, "")), 0));

    assertThat(text)
        .isEqualTo(
            "remove container:web (changed config_data)\n"
                + "note: "
                + note
                + "\nremoved 1 container.");
    assertThat(plan.render()).contains("note: " + note);
  }
}
