package dev.keelson.launcher.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An engine call that failed. The message reads {@code <operation> <target>: <reason>}, e.g. {@code
 * create container hello: Conflict: the name is in use}.
 */
public final class EngineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final @Nullable String target;
  private final String reason;
  private final boolean unreachable;

  public EngineException(
      String operation, @Nullable String target, String reason, @Nullable Throwable cause) {
    this(operation, target, reason, cause, false);
  }

  private EngineException(
      String operation,
      @Nullable String target,
      String reason,
      @Nullable Throwable cause,
      boolean unreachable) {
    super(operation + (target == null ? "" : " " + target) + ": " + reason, cause);
    this.operation = operation;
    this.target = target;
    this.reason = reason;
    this.unreachable = unreachable;
  }

  /**
   * The engine took {@code operation} but sent no answer within {@code limit}: it is hung, or too
   * loaded to be of use. Whether the operation took effect is unknown; the next run observes it.
   */
  public static EngineException noAnswer(
      EngineRuntime runtime,
      String address,
      String operation,
      @Nullable String target,
      Duration limit,
      Throwable cause) {
    return new EngineException(
        operation,
        target,
        "no answer from "
            + runtime.engineName()
            + " at "
            + address
            + " within "
            + limit.toSeconds()
            + " s: it may be hung (--engine-timeout sets how long paunch waits)",
        cause,
        true);
  }

  /** The engine could not be reached at all, so nothing was changed by this call. */
  public static EngineException unreachable(String address, Throwable cause) {
    return unreachable(EngineRuntime.DOCKER, address, cause);
  }

  /** As {@link #unreachable(String, Throwable)}, with the advice that fits {@code runtime}. */
  public static EngineException unreachable(
      EngineRuntime runtime, String address, Throwable cause) {
    String reason =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new EngineException(
        "cannot connect to " + runtime.engineName() + " at",
        address,
        reason + "; " + runtime.unreachableHint(address),
        cause,
        true);
  }

  public String operation() {
    return operation;
  }

  public @Nullable String target() {
    return target;
  }

  /** What the engine (or the transport) said, without operation and target. */
  public String reason() {
    return reason;
  }

  /**
   * The engine could not be reached, or stopped answering: no further call of this run can be
   * expected to get through, so the run stops.
   */
  public boolean isUnreachable() {
    return unreachable;
  }
}
