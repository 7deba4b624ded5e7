package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 item 6: {@code apply} killed with SIGKILL at a random moment, then run again, leaves
 * exactly the desired containers: one per entry, under its own name, with the current config.
 */
class CrashSafetyIT {

  private static final int ROUNDS = 20;

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void removeOwnContainers() throws IOException {
    engine.close();
  }

  /** Two versions of one config: every entry changes, one entry is dropped, another added. */
  private List<String> entries(int version) {
    return version == 0
        ? List.of(engine.name("ka"), engine.name("kb"), engine.name("kc"), engine.name("kd"))
        : List.of(engine.name("ka"), engine.name("kb"), engine.name("kc"), engine.name("ke"));
  }

  private Path config(int version) throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (String name : entries(version)) {
      yaml.append(name)
          .append(":\n  image: ")
          .append(TestImages.busybox())
          .append("\n  command: sleep 600\n  environment: [VERSION=")
          .append(version)
          .append("]\n");
    }
    Path file = dir.resolve("config-" + version + ".yml");
    Files.writeString(file, yaml.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private String[] applyArgs(Path file) {
    return new String[] {
      "apply",
      "--file",
      file.toString(),
      "--config-id",
      "crash",
      "--managed-by",
      engine.managedBy,
      "--lock-file",
      dir.resolve("paunch.lock").toString(),
      "--parallel",
      "3"
    };
  }

  @Test
  void apply_killedAtRandomPoints_nextRunConverges() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int killedMidRun = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int version = round % 2;
      Path file = config(version);
      DistPaunch.Started started = DistPaunch.start(dir, applyArgs(file));
      // A random moment between JVM start-up and the end of a typical run.
      long delay = random.nextInt(2500);
      if (!started.process().waitFor(delay, TimeUnit.MILLISECONDS)) {
        started.process().destroyForcibly();
        killedMidRun++;
      }
      assertThat(started.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

      EngineFixture.Run converge = engine.paunch(applyArgs(file));
      String context = "seed " + seed + ", round " + round + ", killed after " + delay + " ms";
      assertThat(converge.exitCode()).as(context + ": " + converge.err()).isZero();
      assertConverged(version, context);
      assertThat(engine.paunch(applyArgs(file)).out()).as(context).isEqualTo("No action taken.\n");
    }
    // Enough kills must land inside a run for the rounds to prove anything.
    assertThat(killedMidRun).as("seed " + seed).isGreaterThanOrEqualTo(ROUNDS / 4);
  }

  private void assertConverged(int version, String context) {
    assertThat(engine.names()).as(context).containsExactlyInAnyOrderElementsOf(entries(version));
    for (String name : entries(version)) {
      InspectContainerResponse container = engine.inspect(name);
      assertThat(container.getState().getRunning()).as(context + ": " + name).isTrue();
      assertThat(container.getConfig().getEnv()).as(context).contains("VERSION=" + version);
      assertThat(container.getConfig().getLabels())
          .as(context)
          .containsEntry("container_name", name)
          .containsEntry("config_id", "crash");
    }
  }
}
