package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --parallel}: one level's containers are created together; the end state is the same. */
class ParallelApplyIT {

  private static final int COUNT = 12;

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void removeOwnContainers() throws IOException {
    engine.close();
  }

  private List<String> entries() {
    return IntStream.range(0, COUNT).mapToObj(i -> engine.name("p" + i)).toList();
  }

  /** Level 0: the detached entries and a one-shot that must see them all; level 1: a last one. */
  private Path config(String command) throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (String name : entries()) {
      yaml.append(name)
          .append(":\n  image: ")
          .append(TestImages.busybox())
          .append("\n  command: ")
          .append(command)
          .append('\n');
    }
    yaml.append(engine.name("last"))
        .append(":\n  image: ")
        .append(TestImages.busybox())
        .append("\n  command: sleep 600\n  start_order: 1\n");
    Path file = Files.createTempFile(dir, "config", ".yml");
    Files.writeString(file, yaml.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private EngineFixture.Run apply(Path file, String... extra) {
    return engine.applyFile(file, "par", extra);
  }

  @Test
  void apply_parallel_createsEveryContainerOnceAndRunning() throws Exception {
    Path file = config("sleep 600");

    EngineFixture.Run run = apply(file, "--parallel", "6");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).endsWith("created " + (COUNT + 1) + " containers.\n");
    List<String> expected = new ArrayList<>(entries());
    expected.add(engine.name("last"));
    assertThat(engine.names()).containsExactlyInAnyOrderElementsOf(expected);
    for (String name : expected) {
      assertThat(engine.inspect(name).getState().getRunning()).as(name).isTrue();
      assertThat(engine.inspect(name).getConfig().getLabels())
          .containsEntry("container_name", name);
    }
    // The level-1 container is created after every level-0 one has been started.
    Instant last = Instant.parse(engine.inspect(engine.name("last")).getCreated());
    for (String name : entries()) {
      assertThat(Instant.parse(engine.inspect(name).getState().getStartedAt()))
          .as(name)
          .isBefore(last);
    }

    EngineFixture.Run again = apply(file, "--parallel", "6");
    assertThat(again.out()).isEqualTo("No action taken.\n");
  }

  @Test
  void apply_parallel_replacesChangedContainersConcurrently() throws Exception {
    apply(config("sleep 600"), "--parallel", "4");
    String oldId = engine.inspect(entries().get(3)).getId();

    EngineFixture.Run run = apply(config("sleep 700"), "--parallel", "4");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .endsWith("created " + COUNT + " containers, removed " + COUNT + " containers.\n");
    assertThat(engine.names()).hasSize(COUNT + 1);
    assertThat(engine.inspect(entries().get(3)).getId()).isNotEqualTo(oldId);
    assertThat(engine.inspect(entries().get(3)).getConfig().getCmd())
        .containsExactly("sleep", "700");
  }

  /**
   * Entries of one level that name another ({@code net: container:X}, {@code volumes_from}) are
   * made after it even with {@code --parallel 8}; run concurrently, they failed to be created
   * (their target did not exist yet). Each round removes everything and applies again, so that a
   * race would have had several chances to show.
   */
  @Test
  void apply_parallel_entriesNamingAnotherOfTheirLevel_areCreatedAfterIt() throws Exception {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      String data = engine.name("data" + i);
      yaml.append(data)
          .append(":\n  image: ")
          .append(TestImages.busybox())
          .append("\n  command: sleep 600\n  volumes: ['/shared']\n")
          .append(engine.name("net" + i))
          .append(":\n  image: ")
          .append(TestImages.busybox())
          .append("\n  command: sleep 600\n  net: container:")
          .append(data)
          .append('\n')
          .append(engine.name("vol" + i))
          .append(":\n  image: ")
          .append(TestImages.busybox())
          .append("\n  command: sleep 600\n  volumes_from: [")
          .append(data)
          .append("]\n");
    }
    Path file = Files.createTempFile(dir, "config", ".yml");
    Files.writeString(file, yaml.toString(), StandardCharsets.UTF_8);

    for (int round = 0; round < 3; round++) {
      EngineFixture.Run run = apply(file, "--parallel", "8");

      assertThat(run.exitCode()).as("round " + round + ": " + run.err()).isZero();
      assertThat(run.out()).endsWith("created 9 containers.\n");
      for (int i = 0; i < 3; i++) {
        String data = engine.inspect(engine.name("data" + i)).getId();
        assertThat(engine.inspect(engine.name("net" + i)).getHostConfig().getNetworkMode())
            .isEqualTo("container:" + data);
        assertThat(engine.inspect(engine.name("vol" + i)).getState().getRunning()).isTrue();
      }
      EngineFixture.Run delete =
          engine.paunch("delete", "par", "--managed-by", engine.managedBy, "--parallel", "8");
      assertThat(delete.exitCode()).as(delete.err()).isZero();
    }
  }

  @Test
  void delete_parallel_removesEveryContainer() throws Exception {
    apply(config("sleep 600"), "--parallel", "8");

    EngineFixture.Run run =
        engine.paunch("delete", "par", "--managed-by", engine.managedBy, "--parallel", "8");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).endsWith("removed " + (COUNT + 1) + " containers.\n");
    assertThat(engine.names()).isEmpty();
  }

  @Test
  void apply_parallelZero_refusedBeforeTouchingTheEngine() throws Exception {
    EngineFixture.Run run = apply(config("sleep 600"), "--parallel", "0");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("--parallel must be at least 1, not 0");
    assertThat(engine.names()).isEmpty();
  }
}
