package dev.keelson.pilot.wiring;

import dev.keelson.config.command.Command;
import dev.keelson.pilot.process.ChildProcess;
import dev.keelson.pilot.process.ExitStatus;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.pilot.process.ProcessSpec;
import dev.keelson.pilot.process.SpawnException;
import dev.keelson.pilot.process.Stdio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs an actor's command (health check, sensor, onChange) through the pilot's process layer and
 * waits for it, killing it when it outlives its timeout. Blocks the calling thread, which is the
 * actor's own: that is what keeps one service's checks and one backend's onChange from overlapping.
 */
final class CommandRunner {

  /** Where a command's stdout goes; stderr is always the pilot's. */
  enum Output {
    /** The pilot's stdout, inherited (onChange, as ContainerPilot 2.0.1). */
    PASS_THROUGH,
    /** Read by the pilot only (sensors: the reading is the output, as in 2.0.1). */
    CAPTURE,
    /**
     * Copied to the pilot's stdout as it comes and also kept for the caller (health checks:
     * ContainerPilot 2.0.1 passes their output through; we also need it for the Consul note).
     */
    CAPTURE_AND_PASS_THROUGH
  }

  /** How a run ended; {@code output} is the captured stdout, trimmed and bounded. */
  record Outcome(ExitStatus status, String output, boolean timedOut) {
    boolean success() {
      return !timedOut && status.success();
    }
  }

  // a health note or a sensor reading is short; a runaway command must not fill the heap
  private static final int MAX_OUTPUT = 16 * 1024;
  // once the process is gone its pipe closes; only a grandchild holding it open makes this wait
  private static final long OUTPUT_GRACE_MILLIS = 1_000;

  private final ProcessLauncher processes;
  private final OutputStream pilotStdout;
  private final ExecutorService readers =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread reader = new Thread(runnable, "command-output");
            reader.setDaemon(true);
            return reader;
          });

  /**
   * @param pilotStdout the pilot's own stdout, where {@link Output#CAPTURE_AND_PASS_THROUGH} copies
   *     to as it arrives (2.0.1 let the check write to it directly)
   */
  CommandRunner(ProcessLauncher processes, OutputStream pilotStdout) {
    this.processes = processes;
    this.pilotStdout = pilotStdout;
  }

  /**
   * Starts {@code command} as {@code name} and waits for it, at most {@code timeout} if given.
   *
   * @throws InterruptedException when the actor is stopped; the process is killed first
   */
  Outcome run(String name, Command command, Output mode, Optional<Duration> timeout)
      throws SpawnException, InterruptedException {
    Stdio stdio = mode == Output.PASS_THROUGH ? Stdio.NO_STDIN : Stdio.CAPTURE_STDOUT;
    ChildProcess child = processes.start(new ProcessSpec(name, command, stdio, Map.of()));
    @Nullable OutputStream copyTo = mode == Output.CAPTURE_AND_PASS_THROUGH ? pilotStdout : null;
    CompletableFuture<String> output =
        stdio == Stdio.CAPTURE_STDOUT
            ? CompletableFuture.supplyAsync(() -> read(child.stdout(), copyTo), readers)
            : CompletableFuture.completedFuture("");
    ExitStatus status;
    try {
      status =
          timeout.isPresent()
              ? child.exit().get(timeout.get().toMillis(), TimeUnit.MILLISECONDS)
              : child.exit().get();
    } catch (TimeoutException e) {
      child.kill();
      return new Outcome(ExitStatus.killedBy(9), "", true);
    } catch (InterruptedException e) {
      child.kill();
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("exit future of " + name + " failed", e);
    }
    return new Outcome(status, collected(output), false);
  }

  private static String collected(CompletableFuture<String> output) throws InterruptedException {
    try {
      return output.get(OUTPUT_GRACE_MILLIS, TimeUnit.MILLISECONDS).strip();
    } catch (TimeoutException | ExecutionException e) {
      return "";
    }
  }

  /**
   * Reads {@code stdout} to its end, keeping the first {@link #MAX_OUTPUT} bytes and copying every
   * chunk to {@code copyTo} (if any) as soon as it is read. Reading on after the limit keeps the
   * command from blocking on a full pipe.
   */
  private static String read(InputStream stdout, @Nullable OutputStream copyTo) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    OutputStream copy = copyTo;
    byte[] chunk = new byte[8192];
    try (InputStream in = stdout) {
      for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
        if (copy != null) {
          try {
            copy.write(chunk, 0, read);
            copy.flush();
          } catch (IOException e) {
            // the pilot's stdout is gone (closed pipe): still read, for the note and the pipe
            copy = null;
          }
        }
        int room = MAX_OUTPUT - kept.size();
        if (room > 0) {
          kept.write(chunk, 0, Math.min(room, read));
        }
      }
      return kept.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
