package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.ActionOutcome;
import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.Summary;
import java.io.PrintWriter;

/** Prints what went wrong in a run, one line per failed action. */
final class Reports {

  private Reports() {}

  /**
   * The done actions with their causes, one per line, then the plan's notes (what was decided
   * against, as a dry run shows them), then the summary line.
   */
  static String text(ApplyReport report) {
    StringBuilder text = new StringBuilder();
    for (ActionOutcome outcome : report.outcomes()) {
      if (outcome.status() == ActionOutcome.Status.DONE) {
        text.append(outcome.action().describe())
            .append(" (")
            .append(outcome.action().cause())
            .append(")\n");
      }
    }
    for (String note : report.plan().notes()) {
      text.append("note: ").append(note).append('\n');
    }
    return text.append(Summary.of(report)).toString();
  }

  static void printFailures(ApplyReport report, PrintWriter err) {
    for (ActionOutcome failure : report.failures()) {
      err.println("paunch: " + failure.action().describe() + " failed: " + failure.message());
    }
    if (report.engineLost() != null) {
      err.println(
          "paunch: the engine stopped answering; the rest of the run was skipped (a later run"
              + " converges from the labels)");
    }
  }
}
