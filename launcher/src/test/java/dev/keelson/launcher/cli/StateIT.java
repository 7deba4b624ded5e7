package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paunch state}: started, stopped, killed, restarted, present and absent on the engine. */
class StateIT {

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();
  private String web = "";
  private String job = "";
  private Path file = Path.of("unset");

  @BeforeEach
  void writeConfig() throws IOException {
    web = engine.name("sweb");
    job = engine.name("sjob");
    // A short grace period: busybox sleep as PID 1 ignores SIGTERM, so stop waits it out.
    String yaml =
        web
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  command: sleep 600\n  stop_grace_period: 1\n"
            + job
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  command: 'true'\n  detach: false\n";
    file = dir.resolve("config.yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
  }

  @AfterEach
  void removeOwnContainers() throws IOException {
    engine.close();
  }

  private EngineFixture.Run state(String state, String... extra) {
    String[] base = {
      "state",
      state,
      "--config-id",
      "st",
      "--managed-by",
      engine.managedBy,
      "--lock-file",
      dir.resolve("lock").toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return engine.paunch(args);
  }

  private boolean running(String name) {
    return Boolean.TRUE.equals(engine.inspect(name).getState().getRunning());
  }

  @Test
  void started_restartsAnExitedDetachedContainerOnly() {
    assertThat(state("reloaded", "--file", file.toString()).exitCode()).isZero();
    engine.docker.stopContainerCmd(web).withTimeout(1).exec();

    EngineFixture.Run run = state("started");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "start container:"
                + web
                + " (state started: it is exited)\n"
                + "started 1 container.\n");
    assertThat(running(web)).isTrue();
    assertThat(running(job)).as("a one-shot is not run again").isFalse();
  }

  @Test
  void stoppedThenKilledThenStarted_reportCounters() {
    assertThat(state("reloaded", "--file", file.toString()).exitCode()).isZero();

    assertThat(state("stopped").out()).endsWith("stopped 1 container.\n");
    assertThat(running(web)).isFalse();
    assertThat(state("stopped").out()).isEqualTo("No action taken.\n");

    assertThat(state("started", "--file", file.toString()).out())
        .endsWith("started 1 container.\n");
    assertThat(running(web)).isTrue();

    assertThat(state("killed").out()).endsWith("killed 1 container.\n");
    assertThat(running(web)).isFalse();
    assertThat(engine.inspect(web).getState().getExitCodeLong()).isEqualTo(137L);
  }

  @Test
  void pausedContainer_isLeftByStartedAndStoppedByStopped() throws Exception {
    assertThat(state("reloaded", "--file", file.toString()).exitCode()).isZero();
    engine.docker.pauseContainerCmd(engine.inspect(web).getId()).exec();

    EngineFixture.Run started = state("started");

    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out()).isEqualTo("No action taken.\n");

    EngineFixture.Run stopped = state("stopped", "--format", "json");

    assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(stopped.out());
    assertThat(report.path("summary").asText()).isEqualTo("stopped 1 container.");
    assertThat(report.path("result").get(0).path("status").asText()).isEqualTo("done");
    assertThat(engine.inspect(web).getState().getStatus()).isEqualTo("exited");
  }

  @Test
  void restarted_restartsTheSameContainer() {
    assertThat(state("reloaded", "--file", file.toString()).exitCode()).isZero();
    String id = engine.inspect(web).getId();
    String startedAt = engine.inspect(web).getState().getStartedAt();

    EngineFixture.Run run = state("restarted", "--file", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).endsWith("restarted 1 container.\n");
    assertThat(engine.inspect(web).getId()).isEqualTo(id);
    assertThat(engine.inspect(web).getState().getStartedAt()).isNotEqualTo(startedAt);
    assertThat(running(web)).isTrue();
  }

  @Test
  void presentThenAbsent_createsWithoutStartingThenRemoves() {
    EngineFixture.Run present = state("present", "--file", file.toString());

    assertThat(present.exitCode()).as(present.err()).isZero();
    assertThat(present.out()).endsWith("created 2 containers.\n");
    assertThat(engine.inspect(web).getState().getStatus()).isEqualTo("created");
    assertThat(engine.inspect(job).getState().getStatus()).isEqualTo("created");

    EngineFixture.Run absent = state("absent");

    assertThat(absent.exitCode()).as(absent.err()).isZero();
    assertThat(absent.out()).endsWith("removed 2 containers.\n");
    assertThat(engine.names()).isEmpty();
  }

  @Test
  void presentTwiceThenStarted_keepsWhatPresentMadeThenStartsIt() {
    EngineFixture.Run first = state("present", "--file", file.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    String webId = engine.inspect(web).getId();
    String jobId = engine.inspect(job).getId();

    EngineFixture.Run again = state("present", "--file", file.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo("No action taken.\n");
    assertThat(engine.inspect(web).getId()).isEqualTo(webId);

    // as operations.md has it: present, then started without the file
    EngineFixture.Run started = state("started");

    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out()).endsWith("started 2 containers.\n");
    assertThat(engine.inspect(web).getId()).isEqualTo(webId);
    assertThat(running(web)).isTrue();
    assertThat(engine.inspect(job).getId()).isEqualTo(jobId);
    assertThat(engine.inspect(job).getState().getStatus())
        .as("the one-shot that present only created has run")
        .isIn("running", "exited");
  }

  @Test
  void badStateOrMissingFile_refusedWithUsageError() {
    assertThat(state("paused").exitCode()).isEqualTo(2);
    assertThat(state("present").err()).contains("state present needs --file");
    assertThat(state("stopped", "--file", file.toString()).err())
        .contains("state stopped acts on the config id's containers; it takes no --file");
    assertThat(engine.names()).isEmpty();
  }
}
