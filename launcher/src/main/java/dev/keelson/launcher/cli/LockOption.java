package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.HostLock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --lock-file}, for the commands that change containers: runs on one host take turns, so two
 * of them never create a container for the same entry.
 */
final class LockOption {

  static final String ENVIRONMENT = "PAUNCH_LOCK_FILE";

  @Option(
      names = "--lock-file",
      paramLabel = "<path>",
      description =
          "Lock file that runs on this host take turns on (default: $PAUNCH_LOCK_FILE, else"
              + " /run/paunch.lock, else $XDG_RUNTIME_DIR/paunch.lock, else"
              + " <tmpdir>/paunch-<user>.lock).")
  @Nullable Path lockFile;

  /** Takes the lock, telling {@code err} when another run holds it. */
  HostLock acquire(PrintWriter err) {
    return HostLock.acquire(
        path(System.getenv()),
        message -> {
          err.println("paunch: " + message);
          err.flush();
        });
  }

  Path path(Map<String, String> environment) {
    if (lockFile != null) {
      return lockFile;
    }
    String configured = environment.get(ENVIRONMENT);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String user = System.getProperty("user.name", "user");
    String runtime = environment.get("XDG_RUNTIME_DIR");
    return HostLock.defaultPath(
        Path.of(runtime == null || runtime.isBlank() ? "/nonexistent" : runtime),
        Path.of(System.getProperty("java.io.tmpdir", "/tmp")),
        user,
        Files::isWritable);
  }
}
