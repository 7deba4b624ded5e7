package dev.keelson.pilot.process;

import dev.keelson.pilot.posix.Posix;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The one way the pilot starts processes: the app, hooks, and later health checks, sensors and
 * onChange commands. Every start goes through the {@link ProcessTable} so the {@link Reaper} never
 * takes a status the JDK is waiting for. Thread-safe.
 */
public final class ProcessLauncher {

  private static final File DEV_NULL = new File("/dev/null");

  private final ProcessTable table = new ProcessTable();
  private final CompletableFuture<Posix> posix;

  /**
   * Creates the process layer.
   *
   * @param posix completes when the native layer is loaded; starting processes does not need it
   */
  public ProcessLauncher(CompletableFuture<Posix> posix) {
    this.posix = posix;
  }

  /**
   * Starts {@code spec}.
   *
   * @throws SpawnException with status 127 if the executable does not exist, 126 if it cannot be
   *     executed, 1 for anything else (the message names the process and the reason)
   */
  public ChildProcess start(ProcessSpec spec) throws SpawnException {
    ProcessBuilder builder = new ProcessBuilder(spec.command().argv());
    builder.environment().putAll(spec.extraEnvironment());
    switch (spec.stdio()) {
      case INHERIT -> builder.inheritIO();
      case NO_STDIN ->
          builder
              .redirectInput(DEV_NULL)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT);
      case CAPTURE_STDOUT ->
          builder
              .redirectInput(DEV_NULL)
              .redirectOutput(ProcessBuilder.Redirect.PIPE)
              .redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    Process process;
    try {
      process = table.spawn(builder);
    } catch (IOException e) {
      throw spawnFailure(spec, e);
    }
    long pid = process.pid();
    CompletableFuture<ExitStatus> exit =
        process
            .onExit()
            .thenApply(
                exited -> {
                  table.release(pid);
                  return ExitStatus.fromJdk(exited.exitValue());
                });
    return new ChildProcess(spec.name(), process, exit, posix);
  }

  /** A reaper for orphans that shares this launcher's registry. */
  public Reaper reaper(ChildrenOfSelf children) {
    return new Reaper(table, posix, children);
  }

  /** How many started processes have not been reaped by the JDK yet. */
  public int running() {
    return table.size();
  }

  private static SpawnException spawnFailure(ProcessSpec spec, IOException e) {
    String reason = String.valueOf(e.getMessage());
    String lower = reason.toLowerCase(Locale.ROOT);
    ExitStatus status;
    String why;
    if (lower.contains("error=2,") || lower.contains("no such file")) {
      status = ExitStatus.exited(ExitStatus.NOT_FOUND);
      why = "no such file or directory";
    } else if (lower.contains("error=13,") || lower.contains("permission denied")) {
      status = ExitStatus.exited(ExitStatus.NOT_EXECUTABLE);
      why = "permission denied";
    } else if (lower.contains("error=8,") || lower.contains("exec format")) {
      status = ExitStatus.exited(ExitStatus.NOT_EXECUTABLE);
      why = "exec format error";
    } else {
      status = ExitStatus.exited(1);
      why = reason;
    }
    String message = "exec " + spec.command().executable() + " failed: " + why;
    return new SpawnException(spec.name(), message, status, e);
  }
}
