package dev.keelson.launcher.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a command will do, in order, and why; computed before anything is changed.
 *
 * @param notes things decided against, e.g. a rename that cannot happen yet
 */
public record Plan(List<Action> actions, List<String> notes) {

  public Plan {
    actions = List.copyOf(actions);
    notes = List.copyOf(notes);
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }

  /** The actions cut into stages that run one after another; see {@link Stages}. */
  public List<Stage> stages() {
    return Stages.of(actions);
  }

  /**
   * One deterministic line per action ({@code describe (cause)}), then one per note. The actions of
   * a concurrent stage follow a {@code concurrently:} line, indented.
   */
  public String render() {
    List<String> actionLines = new ArrayList<>();
    for (Stage stage : stages()) {
      if (stage.concurrent()) {
        actionLines.add("concurrently:");
      }
      for (Action action : stage.actions()) {
        actionLines.add(
            (stage.concurrent() ? "  " : "") + action.describe() + " (" + action.cause() + ")");
      }
    }
    String lines = String.join("\n", actionLines);
    String noteLines =
        notes.stream().map(note -> "note: " + note).collect(Collectors.joining("\n"));
    if (lines.isEmpty()) {
      return noteLines;
    }
    return noteLines.isEmpty() ? lines : lines + "\n" + noteLines;
  }
}
