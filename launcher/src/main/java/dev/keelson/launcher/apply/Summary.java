package dev.keelson.launcher.apply;

import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The line that ends every run: {@code created 2 containers, removed 1 container, renamed 1
 * container.} or {@code No action taken.}; for a dry run {@code would create 2 containers.} (no
 * action: {@code No action needed.})
 */
public final class Summary {

  /** Past and infinitive forms, and the noun, of each kind of action, in reporting order. */
  private record Kind(Predicate<Action> matches, String past, String future, String noun) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(Action.PullImage.class::isInstance, "pulled", "pull", "image"),
          new Kind(action -> action.containerToMake() != null, "created", "create", "container"),
          new Kind(Action.RemoveContainer.class::isInstance, "removed", "remove", "container"),
          new Kind(Action.RenameContainer.class::isInstance, "renamed", "rename", "container"),
          new Kind(Action.ExecInContainer.class::isInstance, "ran", "run", "exec command"),
          transition(Action.Transition.START, "started", "start"),
          transition(Action.Transition.STOP, "stopped", "stop"),
          transition(Action.Transition.KILL, "killed", "kill"),
          transition(Action.Transition.RESTART, "restarted", "restart"));

  private Summary() {}

  private static Kind transition(Action.Transition transition, String past, String future) {
    return new Kind(
        action -> action instanceof Action.ChangeState change && change.transition() == transition,
        past,
        future,
        "container");
  }

  /** What a run did; failed and skipped actions are counted separately. */
  public static String of(ApplyReport report) {
    List<String> parts = new ArrayList<>();
    for (Kind kind : KINDS) {
      long done =
          report.outcomes().stream()
              .filter(outcome -> outcome.status() == ActionOutcome.Status.DONE)
              .filter(outcome -> kind.matches().test(outcome.action()))
              .count();
      addCount(parts, kind.past(), done, kind.noun());
    }
    long failed = report.failures().size();
    if (failed > 0) {
      parts.add(failed + (failed == 1 ? " action" : " actions") + " failed");
    }
    long skipped =
        report.outcomes().stream()
            .filter(outcome -> outcome.status() == ActionOutcome.Status.SKIPPED)
            .count();
    if (skipped > 0) {
      parts.add(skipped + (skipped == 1 ? " action" : " actions") + " skipped");
    }
    return parts.isEmpty() ? "No action taken." : String.join(", ", parts) + ".";
  }

  /** What a plan would do. */
  public static String planned(Plan plan) {
    List<String> parts = new ArrayList<>();
    for (Kind kind : KINDS) {
      long count = plan.actions().stream().filter(kind.matches()).count();
      addCount(parts, kind.future(), count, kind.noun());
    }
    return parts.isEmpty() ? "No action needed." : "would " + String.join(", ", parts) + ".";
  }

  private static void addCount(List<String> parts, String verb, long count, String noun) {
    if (count > 0) {
      parts.add(verb + " " + count + " " + noun + (count == 1 ? "" : "s"));
    }
  }
}
