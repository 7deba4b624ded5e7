package dev.keelson.pilot.wiring;

import dev.keelson.config.command.Command;
import dev.keelson.pilot.process.ChildProcess;
import dev.keelson.pilot.process.ExitStatus;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.pilot.process.ProcessSpec;
import dev.keelson.pilot.process.SpawnException;
import dev.keelson.pilot.process.Stdio;
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

/**
 * Runs an actor's command (health check, sensor, onChange) through the pilot's process layer and
 * waits for it, killing it when it outlives its timeout. Blocks the calling thread, which is the
 * actor's own: that is what keeps one service's checks and one backend's onChange from overlapping.
 */
final class CommandRunner {

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
  private final ExecutorService readers =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread reader = new Thread(runnable, "command-output");
            reader.setDaemon(true);
            return reader;
          });

  CommandRunner(ProcessLauncher processes) {
    this.processes = processes;
  }

  /**
   * Starts {@code command} as {@code name} and waits for it, at most {@code timeout} if given.
   *
   * @throws InterruptedException when the actor is stopped; the process is killed first
   */
  Outcome run(String name, Command command, Stdio stdio, Optional<Duration> timeout)
      throws SpawnException, InterruptedException {
    ChildProcess child = processes.start(new ProcessSpec(name, command, stdio, Map.of()));
    CompletableFuture<String> output =
        stdio == Stdio.CAPTURE_STDOUT
            ? CompletableFuture.supplyAsync(() -> read(child.stdout()), readers)
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

  private static String read(InputStream stdout) {
    try (InputStream in = stdout) {
      byte[] kept = in.readNBytes(MAX_OUTPUT);
      // drain the rest so the command never blocks on a full pipe
      in.transferTo(OutputStream.nullOutputStream());
      return new String(kept, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
