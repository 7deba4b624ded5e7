package dev.keelson.pilot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.command.Command;
import dev.keelson.pilot.posix.Posix;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.pilot.process.Stdio;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Real child processes through the pilot's process layer: output, exit codes, timeouts. */
class CommandRunnerIT {

  private final ProcessLauncher processes = new ProcessLauncher(new CompletableFuture<Posix>());
  private final CommandRunner runner = new CommandRunner(processes);

  private static Command sh(String script) {
    return new Command(List.of("/bin/sh", "-c", script));
  }

  @Test
  void capturesTrimmedStdoutAndExitStatus() throws Exception {
    CommandRunner.Outcome outcome =
        runner.run("sensor:x", sh("echo ' 42 '; exit 3"), Stdio.CAPTURE_STDOUT, Optional.empty());

    assertThat(outcome.output()).isEqualTo("42");
    assertThat(outcome.status().code()).isEqualTo(3);
    assertThat(outcome.success()).isFalse();
  }

  @Test
  void commandOutlivingItsTimeout_isKilled_andReportedAsTimedOut() throws Exception {
    long started = System.nanoTime();
    CommandRunner.Outcome outcome =
        runner.run(
            "health:web",
            sh("exec sleep 30"),
            Stdio.CAPTURE_STDOUT,
            Optional.of(Duration.ofMillis(300)));

    assertThat(outcome.timedOut()).isTrue();
    assertThat(outcome.success()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    // the killed child is reaped through the launcher's table: nothing is left running
    dev.keelson.testkit.Eventually.await(
        "the killed check reaped", Duration.ofSeconds(10), () -> processes.running() == 0);
  }
}
