package dev.keelson.launcher.apply;

import dev.keelson.launcher.plan.Action;

/**
 * What happened to one planned action.
 *
 * @param exitCode 0 on success; a failed run or exec keeps its status (125 when docker itself
 *     refused, as the docker CLI reported it), other failures are 1
 * @param message the engine's error or the command's output, for the log
 */
public record ActionOutcome(Action action, Status status, int exitCode, String message) {

  /** Whether the action ran and how it ended. */
  public enum Status {
    DONE,
    FAILED,
    /** Not attempted, because an earlier failure stops the run (a failed pull). */
    SKIPPED
  }

  static ActionOutcome done(Action action) {
    return new ActionOutcome(action, Status.DONE, 0, "");
  }

  static ActionOutcome failed(Action action, int exitCode, String message) {
    return new ActionOutcome(action, Status.FAILED, exitCode, message);
  }

  static ActionOutcome skipped(Action action) {
    return new ActionOutcome(action, Status.SKIPPED, 0, "an earlier step failed");
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
