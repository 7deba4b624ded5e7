package dev.keelson.launcher.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keelson.launcher.apply.ActionOutcome;
import dev.keelson.launcher.apply.ApplyReport;
import dev.keelson.launcher.apply.Summary;
import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.Plan;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code --format json}: the plan, and after a real run each action's outcome, for machines. {@code
 * {"plan": [{"action", "resource", "description", "cause"}], "notes": [...], "result":
 * [{"resource", "status", "exitCode", "message"}], "summary", "exitCode", "dryRun"}}, and {@code
 * "engineLost"} (why) when the engine stopped answering and the rest of the run was skipped.
 */
final class ReportJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static String render(Plan plan, @Nullable ApplyReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("dryRun", report == null);
    ArrayNode actions = root.putArray("plan");
    for (Action action : plan.actions()) {
      actions
          .addObject()
          .put("action", kind(action))
          .put("resource", action.resourceId())
          .put("description", action.describe())
          .put("cause", action.cause());
    }
    ArrayNode notes = root.putArray("notes");
    plan.notes().forEach(notes::add);
    if (report != null) {
      ArrayNode result = root.putArray("result");
      for (ActionOutcome outcome : report.outcomes()) {
        result
            .addObject()
            .put("resource", outcome.action().resourceId())
            .put("status", outcome.status().name().toLowerCase(Locale.ROOT))
            .put("exitCode", outcome.exitCode())
            .put("message", outcome.message());
      }
      root.put("summary", Summary.of(report));
      root.put("exitCode", report.exitCode());
      if (report.engineLost() != null) {
        root.put("engineLost", report.engineLost());
      }
    } else {
      root.put("summary", Summary.planned(plan));
      root.put("exitCode", 0);
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static String kind(Action action) {
    if (action instanceof Action.PullImage) {
      return "pull";
    } else if (action instanceof Action.RemoveContainer) {
      return "remove";
    } else if (action instanceof Action.RenameContainer) {
      return "rename";
    } else if (action instanceof Action.RunContainer) {
      return "run";
    } else if (action instanceof Action.CreateContainer) {
      return "create";
    } else if (action instanceof Action.ChangeState change) {
      return change.transition().verb();
    }
    return "exec";
  }
}
