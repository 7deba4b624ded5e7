package dev.keelson.pilot.process;

/**
 * A command that could not be started. Carries the exit status a shell would report: 127 when the
 * executable does not exist, 126 when it exists but cannot be executed.
 */
public final class SpawnException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String processName;
  private final ExitStatus status;

  public SpawnException(String processName, String message, ExitStatus status, Throwable cause) {
    super(message, cause);
    this.processName = processName;
    this.status = status;
  }

  public String processName() {
    return processName;
  }

  public ExitStatus status() {
    return status;
  }
}
