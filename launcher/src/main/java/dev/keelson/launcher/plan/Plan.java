package dev.keelson.launcher.plan;

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

  /** One deterministic line per action ({@code describe (cause)}), then one per note. */
  public String render() {
    String lines =
        actions.stream()
            .map(action -> action.describe() + " (" + action.cause() + ")")
            .collect(Collectors.joining("\n"));
    String noteLines =
        notes.stream().map(note -> "note: " + note).collect(Collectors.joining("\n"));
    if (lines.isEmpty()) {
      return noteLines;
    }
    return noteLines.isEmpty() ? lines : lines + "\n" + noteLines;
  }
}
