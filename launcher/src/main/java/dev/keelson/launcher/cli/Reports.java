package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.ActionOutcome;
import dev.keelson.launcher.apply.ApplyReport;
import java.io.PrintWriter;

/** Prints what went wrong in a run, one line per failed action. */
final class Reports {

  private Reports() {}

  static void printFailures(ApplyReport report, PrintWriter err) {
    for (ActionOutcome failure : report.failures()) {
      err.println("paunch: " + failure.action().describe() + " failed: " + failure.message());
    }
  }
}
