package dev.keelson.pilot.posix;

import java.util.OptionalInt;

/**
 * The few POSIX calls the JDK does not offer. Implementations are thread-safe. Loading the native
 * implementation is slow (hundreds of milliseconds), so callers obtain it asynchronously through
 * {@link NativePosix#loadInBackground()} and start the app before it is ready.
 */
public interface Posix {

  int getpid();

  /**
   * Sends {@code signal} to {@code pid} (a negative pid addresses a process group).
   *
   * @return false if there is no such process (ESRCH), which callers treat as "already gone"
   * @throws PosixException for any other failure (EPERM, EINVAL)
   */
  boolean kill(int pid, int signal);

  /**
   * {@code waitpid(pid, WNOHANG)} for one specific pid, never -1, so it cannot steal the exit
   * status of a child the JDK waits for.
   *
   * @return the raw wait status if the child had exited and is now reaped; empty if it is still
   *     running or is not our child (ECHILD)
   */
  OptionalInt reapIfExited(int pid);
}
