package dev.keelson.pilot.process;

import dev.keelson.pilot.posix.Posix;
import dev.keelson.pilot.posix.PosixException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A process the pilot started. Its exit status arrives through {@link #exit()}, completed by the
 * JDK's own reaper thread; nothing else waits for this pid.
 */
public final class ChildProcess {

  private static final int SIGKILL = 9;
  private static final int SIGTERM = 15;

  private final String name;
  private final Process process;
  private final CompletableFuture<ExitStatus> exit;
  private final CompletableFuture<Posix> posix;

  ChildProcess(
      String name,
      Process process,
      CompletableFuture<ExitStatus> exit,
      CompletableFuture<Posix> posix) {
    this.name = name;
    this.process = process;
    this.exit = exit;
    this.posix = posix;
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  /** Completes once the process has exited and been reaped; never completes exceptionally. */
  public CompletableFuture<ExitStatus> exit() {
    return exit;
  }

  public boolean isAlive() {
    return !exit.isDone();
  }

  /**
   * Sends signal {@code number} to this process (not its group). Blocks until the native layer is
   * loaded if it is not yet.
   *
   * @return false if the process is already gone (the signal is dropped, as tini does on ESRCH) or
   *     the signal could not be sent
   */
  public boolean signal(int number) {
    if (exit.isDone()) {
      return false;
    }
    // the JDK can send TERM and KILL without the native layer, which may be loading (or failed)
    boolean nativeReady = posix.isDone() && !posix.isCompletedExceptionally();
    if (!nativeReady && number == SIGTERM) {
      process.destroy();
      return true;
    }
    if (!nativeReady && number == SIGKILL) {
      process.destroyForcibly();
      return true;
    }
    try {
      return posix.join().kill((int) process.pid(), number);
    } catch (CompletionException | PosixException e) {
      return false; // the native layer failed to load, or the kernel refused (EPERM)
    }
  }

  /** SIGKILL, without needing the native layer. */
  public void kill() {
    process.destroyForcibly();
  }

  /** The captured stdout; only for {@link Stdio#CAPTURE_STDOUT}. */
  public InputStream stdout() {
    return process.getInputStream();
  }
}
