package dev.keelson.pilot.process;

/**
 * How a process ended, as the shell and tini report it: the exit code 0–255, or {@code 128 + N}
 * when signal N killed it (ContainerPilot 2.0.1 reported 255 there: defect D1). 127 means the
 * command was not found and 126 that it could not be executed.
 *
 * @param code what the pilot exits with when this is the app's status
 * @param signal the signal that killed the process, or 0 if it exited (or did not start)
 */
public record ExitStatus(int code, int signal) {

  public static final int NOT_EXECUTABLE = 126;
  public static final int NOT_FOUND = 127;
  private static final int SIGNAL_BASE = 128;

  public ExitStatus {
    if (code < 0 || code > 255) {
      throw new IllegalArgumentException("an exit code is 0..255, not " + code);
    }
  }

  public static ExitStatus exited(int code) {
    return new ExitStatus(code & 0xff, 0);
  }

  public static ExitStatus killedBy(int signal) {
    return new ExitStatus((SIGNAL_BASE + signal) & 0xff, signal);
  }

  /** Decodes a raw {@code waitpid} status word (WIFEXITED / WIFSIGNALED). */
  public static ExitStatus fromWaitStatus(int raw) {
    int termination = raw & 0x7f;
    if (termination == 0) {
      return exited((raw >> 8) & 0xff);
    }
    return killedBy(termination);
  }

  /**
   * From {@link Process#exitValue()}: on Linux the JDK already reports a signal death as {@code
   * 0x80 + signal}, so a value above 128 is read as a signal (an explicit {@code exit 137} looks
   * the same, exactly as it does to a shell).
   */
  public static ExitStatus fromJdk(int exitValue) {
    if (exitValue > SIGNAL_BASE && exitValue < SIGNAL_BASE + 65) {
      return new ExitStatus(exitValue, exitValue - SIGNAL_BASE);
    }
    return exited(exitValue);
  }

  public boolean success() {
    return code == 0;
  }

  /** For logs: {@code exit status 3} or {@code killed by signal 9}. */
  public String describe() {
    return signal == 0 ? "exit status " + code : "killed by signal " + signal;
  }
}
