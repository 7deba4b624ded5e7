package dev.keelson.pilot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.command.Command;
import dev.keelson.pilot.posix.Posix;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.testkit.Eventually;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Real child processes through the pilot's process layer: output, exit codes, timeouts. */
class CommandRunnerIT {

  private final ProcessLauncher processes = new ProcessLauncher(new CompletableFuture<Posix>());
  private final ByteArrayOutputStream pilotStdout = new ByteArrayOutputStream();
  private final CommandRunner runner = new CommandRunner(processes, pilotStdout);

  private static Command sh(String script) {
    return new Command(List.of("/bin/sh", "-c", script));
  }

  @Test
  void capturesTrimmedStdoutAndExitStatus() throws Exception {
    CommandRunner.Outcome outcome =
        runner.run(
            "sensor:x", sh("echo ' 42 '; exit 3"), CommandRunner.Output.CAPTURE, Optional.empty());

    assertThat(outcome.output()).isEqualTo("42");
    assertThat(outcome.status().code()).isEqualTo(3);
    assertThat(outcome.success()).isFalse();
    // a sensor's reading is not the pilot's output (ContainerPilot 2.0.1 captured it too)
    assertThat(pilotStdout.size()).isZero();
  }

  @Test
  void healthOutput_reachesThePilotsStdoutAsItComes_andIsKeptForTheNote() throws Exception {
    CompletableFuture<CommandRunner.Outcome> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return runner.run(
                    "health:web",
                    sh("echo first; sleep 2; echo second; exit 1"),
                    CommandRunner.Output.CAPTURE_AND_PASS_THROUGH,
                    Optional.empty());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    Eventually.await(
        "the first line on the pilot's stdout while the check still runs",
        Duration.ofSeconds(10),
        () -> stdoutText().equals("first\n") && !running.isDone());
    CommandRunner.Outcome outcome = running.get();

    assertThat(stdoutText()).isEqualTo("first\nsecond\n");
    assertThat(outcome.output()).isEqualTo("first\nsecond");
    assertThat(outcome.status().code()).isEqualTo(1);
  }

  @Test
  void healthOutputBeyondTheNoteLimit_stillReachesThePilotsStdoutWhole() throws Exception {
    CommandRunner.Outcome outcome =
        runner.run(
            "health:big",
            sh(
                "i=0; while [ $i -lt 1000 ]; do echo 0123456789012345678901234567890; i=$((i+1)); done"),
            CommandRunner.Output.CAPTURE_AND_PASS_THROUGH,
            Optional.empty());

    // the copy is the reader's, which may finish after the note's short grace on a loaded machine
    Eventually.await(
        "32,000 bytes on the pilot's stdout",
        Duration.ofSeconds(10),
        () -> pilotStdout.size() >= 32_000);
    assertThat(pilotStdout.size()).isEqualTo(32_000);
    assertThat(outcome.output()).hasSizeLessThanOrEqualTo(16 * 1024);
  }

  private String stdoutText() {
    return pilotStdout.toString(StandardCharsets.UTF_8);
  }

  @Test
  void commandOutlivingItsTimeout_isKilled_andReportedAsTimedOut() throws Exception {
    long started = System.nanoTime();
    CommandRunner.Outcome outcome =
        runner.run(
            "health:web",
            sh("exec sleep 30"),
            CommandRunner.Output.CAPTURE_AND_PASS_THROUGH,
            Optional.of(Duration.ofMillis(300)));

    assertThat(outcome.timedOut()).isTrue();
    assertThat(outcome.success()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    // the killed child is reaped through the launcher's table: nothing is left running
    Eventually.await(
        "the killed check reaped", Duration.ofSeconds(10), () -> processes.running() == 0);
  }
}
