package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.Summary;
import dev.keelson.launcher.plan.Plan;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --format text|json}: how a command that plans and acts prints its plan and its report. */
final class FormatOption {

  @Option(
      names = "--format",
      paramLabel = "<format>",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format = "text";

  /** Checked before the engine is opened, so a bad value changes nothing (a usage error). */
  void check(CommandSpec command) {
    if (!format.equals("text") && !format.equals("json")) {
      throw new ParameterException(
          command.commandLine(), "--format must be text or json, not '" + format + "'");
    }
  }

  /** A dry run's output: the plan, then what it would do. */
  String plan(Plan plan) {
    if (json()) {
      return ReportJson.render(plan, null);
    }
    String rendered = plan.render();
    return rendered.isEmpty() ? Summary.planned(plan) : rendered + "\n" + Summary.planned(plan);
  }

  /** A real run's output: what it did, then its summary. */
  String report(ApplyReport report) {
    return json() ? ReportJson.render(report.plan(), report) : Reports.text(report);
  }

  private boolean json() {
    return format.equals("json");
  }
}
