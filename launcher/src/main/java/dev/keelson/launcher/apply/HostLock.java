package dev.keelson.launcher.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Serialises the runs that change containers on one host: an exclusive lock on a file, held until
 * {@link #close}. The kernel drops the lock when the process dies, even by SIGKILL, so a killed run
 * never blocks the next one and the file itself carries no state.
 */
public final class HostLock implements AutoCloseable {

  /** Where root's runs meet: {@code /run} is local to the host and emptied at boot. */
  public static final Path SYSTEM_PATH = Path.of("/run/paunch.lock");

  /**
   * Two file locks on one file from one JVM throw instead of waiting, so runs inside one process
   * (the library, the tests) queue on this first.
   */
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock inProcess;
  private final FileChannel channel;
  private final FileLock lock;

  private HostLock(ReentrantLock inProcess, FileChannel channel, FileLock lock) {
    this.inProcess = inProcess;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * The lock file to use when none is given: {@link #SYSTEM_PATH} when {@code /run} is writable
   * (root), otherwise {@code paunch.lock} in the user's runtime directory, otherwise {@code
   * paunch-<user>.lock} in the temporary directory.
   */
  public static Path defaultPath(
      Path runtimeDir, Path tempDir, String user, Predicate<Path> writable) {
    if (writable.test(SYSTEM_PATH.getParent())) {
      return SYSTEM_PATH;
    }
    if (writable.test(runtimeDir)) {
      return runtimeDir.resolve("paunch.lock");
    }
    return tempDir.resolve("paunch-" + user + ".lock");
  }

  /**
   * Takes the lock, waiting as long as another run holds it; {@code onWait} hears once that we
   * wait.
   */
  public static HostLock acquire(Path file, Consumer<String> onWait) {
    Path key = file.toAbsolutePath().normalize();
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(key, ignored -> new ReentrantLock());
    boolean waited = false;
    if (!inProcess.tryLock()) {
      onWait.accept(waitMessage(key));
      waited = true;
      inProcess.lock();
    }
    @Nullable FileChannel channel = null;
    try {
      Path parent = key.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        if (!waited) {
          onWait.accept(waitMessage(key));
        }
        lock = channel.lock();
      }
      return new HostLock(inProcess, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      inProcess.unlock();
      throw new UncheckedIOException("cannot lock " + key + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      inProcess.unlock();
      throw e;
    }
  }

  private static String waitMessage(Path key) {
    return "waiting for " + key + ": another paunch run is changing containers on this host";
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing was locked through it; the descriptor goes with the process anyway.
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + e.getMessage(), e);
    } finally {
      inProcess.unlock();
    }
  }
}
