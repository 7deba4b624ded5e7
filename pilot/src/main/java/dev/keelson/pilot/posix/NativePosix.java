package dev.keelson.pilot.posix;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Posix} through jffi's raw invoker: libc's {@code getpid}, {@code kill} and {@code waitpid}
 * are called by address. jnr-posix would do the same through jnr-ffi, whose generated stubs cost
 * hundreds of milliseconds and about 25 MB of a small JVM's memory; three calls do not need them.
 * With a read-only root filesystem, start the JVM with {@code -Djffi.boot.library.path} pointing at
 * an unpacked libjffi (bin/pilot does when {@code native/} exists).
 */
public final class NativePosix implements Posix {

  private static final int WNOHANG = 1;
  private static final int ESRCH = 3;

  private final Invoker invoker = Invoker.getInstance();
  private final CallContext intToInt;
  private final CallContext intIntToInt;
  private final CallContext waitpidContext;
  private final long getpidAddress;
  private final long killAddress;
  private final long waitpidAddress;

  /** One int of native memory for waitpid's status; guarded by this. */
  private final long statusAddress;

  private NativePosix() {
    Library libc = Library.getDefault();
    getpidAddress = symbol(libc, "getpid");
    killAddress = symbol(libc, "kill");
    waitpidAddress = symbol(libc, "waitpid");
    intToInt = CallContext.getCallContext(Type.SINT, new Type[0], CallingConvention.DEFAULT, false);
    intIntToInt =
        CallContext.getCallContext(
            Type.SINT, new Type[] {Type.SINT, Type.SINT}, CallingConvention.DEFAULT, true);
    waitpidContext =
        CallContext.getCallContext(
            Type.SINT,
            new Type[] {Type.SINT, Type.POINTER, Type.SINT},
            CallingConvention.DEFAULT,
            true);
    statusAddress = MemoryIO.getInstance().allocateMemory(8, true);
  }

  private static long symbol(Library libc, String name) {
    long address = libc.getSymbolAddress(name);
    if (address == 0) {
      throw new IllegalStateException("libc has no symbol " + name + ": " + Library.getLastError());
    }
    return address;
  }

  /** Loads jffi's native library on the calling thread. */
  public static Posix load() {
    return new NativePosix();
  }

  /**
   * Loads jffi on a daemon thread, so the app can be spawned meanwhile; signals that need {@code
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
    return invoker.invokeI0(intToInt, getpidAddress);
  }

  @Override
  public boolean kill(int pid, int signal) {
    if (invoker.invokeI2(intIntToInt, killAddress, pid, signal) == 0) {
      return true;
    }
    int errno = LastError.getInstance().get();
    if (errno == ESRCH) {
      return false;
    }
    throw new PosixException("kill(" + pid + ", " + signal + ")", errno);
  }

  @Override
  public synchronized OptionalInt reapIfExited(int pid) {
    long result = invoker.invokeN3(waitpidContext, waitpidAddress, pid, statusAddress, WNOHANG);
    if ((int) result != pid) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(MemoryIO.getInstance().getInt(statusAddress));
  }
}
