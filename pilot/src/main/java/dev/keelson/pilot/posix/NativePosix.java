package dev.keelson.pilot.posix;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** {@link Posix} through jnr-posix. */
public final class NativePosix implements Posix {

  private static final int WNOHANG = 1;
  private static final int ESRCH = 3;

  private final POSIX posix;

  private NativePosix(POSIX posix) {
    this.posix = posix;
  }

  /** Loads jnr on the calling thread (slow: class loading and stub generation). */
  public static Posix load() {
    return new NativePosix(POSIXFactory.getNativePOSIX());
  }

  /**
   * Loads jnr on a daemon thread, so the app can be spawned meanwhile; signals that need {@code
   * kill} wait for the future.
   */
  public static CompletableFuture<Posix> loadInBackground() {
    CompletableFuture<Posix> loaded = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                loaded.complete(load());
              } catch (RuntimeException | LinkageError e) {
                loaded.completeExceptionally(e);
              }
            },
            "posix-loader");
    loader.setDaemon(true);
    loader.start();
    return loaded;
  }

  @Override
  public int getpid() {
    return posix.getpid();
  }

  @Override
  public boolean kill(int pid, int signal) {
    if (posix.kill(pid, signal) == 0) {
      return true;
    }
    int errno = posix.errno();
    if (errno == ESRCH) {
      return false;
    }
    throw new PosixException("kill(" + pid + ", " + signal + ")", errno);
  }

  @Override
  public OptionalInt reapIfExited(int pid) {
    int[] status = new int[1];
    int result = posix.waitpid(pid, status, WNOHANG);
    return result == pid ? OptionalInt.of(status[0]) : OptionalInt.empty();
  }
}
