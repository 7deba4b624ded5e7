package dev.keelson.launcher.engine;

import org.jspecify.annotations.Nullable;

/**
 * An engine call that failed. The message reads {@code <operation> <target>: <reason>}, e.g. {@code
 * create container hello: Conflict: the name is in use}.
 */
public final class EngineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final @Nullable String target;
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
    this.unreachable = unreachable;
  }

  /** The engine could not be reached at all, so nothing was changed by this call. */
  public static EngineException unreachable(String address, Throwable cause) {
    String reason =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new EngineException(
        "cannot connect to the Docker engine at",
        address,
        reason
            + "; is dockerd running and is its socket readable by this user? Set DOCKER_HOST to"
            + " use another engine",
        cause,
        true);
  }

  public String operation() {
    return operation;
  }

  public @Nullable String target() {
    return target;
  }

  public boolean isUnreachable() {
    return unreachable;
  }
}
