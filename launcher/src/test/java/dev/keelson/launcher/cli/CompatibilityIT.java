package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.engine.DockerJavaEngine;
import dev.keelson.launcher.engine.EngineException;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharing a host with Python paunch, owners kept apart, and bad input that changes nothing. */
class CompatibilityIT {

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void removeOwnContainers() throws IOException {
    engine.close();
  }

  @Test
  void apply_containerLabelledByPythonPaunch_isAdoptedWithoutRestart() throws Exception {
    String name = engine.name("legacy");
    String image = TestImages.busybox();
    // The label text exactly as Python's json.dumps wrote it for this entry (written out by hand,
    // not by our serialiser): key order of the file, ", " and ": " separators, ensure_ascii.
    String configData =
        "{\"image\": \""
            + image
            + "\", \"command\": \"sleep 600\", \"environment\": [\"GREETING=gr\\u00fc\\u00df"
            + " dich\"], \"cpu_shares\": 512, \"ratio\": 0.5}";
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("config_id", "legacy");
    labels.put("container_name", name);
    labels.put("managed_by", engine.managedBy);
    labels.put("config_data", configData);
    String id =
        engine
            .docker
            .createContainerCmd(image)
            .withName(name)
            .withLabels(labels)
            .withCmd("sleep", "600")
            .exec()
            .getId();
    engine.docker.startContainerCmd(id).exec();
    String startedAt = engine.inspect(id).getState().getStartedAt();
    String yaml =
        "# reordered and reformatted on purpose: paunch compares values, not text\n"
            + name
            + ":\n  ratio: 0.50\n  command: sleep 600\n  image: "
            + image
            + "\n  cpu_shares: 512\n  environment:\n    - \"GREETING=grüß dich\"\n";

    EngineFixture.Run run = engine.apply(dir, "legacy", yaml);

    assertThat(run.exitCode()).isZero();
    InspectContainerResponse after = engine.inspect(name);
    assertThat(after.getId()).isEqualTo(id);
    assertThat(after.getState().getStartedAt()).isEqualTo(startedAt);
    assertThat(after.getState().getRunning()).isTrue();
  }

  /** {@code paunch state <which>} of {@code configId}, asked with this test's owner. */
  private EngineFixture.Run state(String which, String configId) {
    return engine.paunch(
        "state",
        which,
        "--config-id",
        configId,
        "--managed-by",
        engine.managedBy,
        "--lock-file",
        dir.resolve("lock").toString());
  }

  @Test
  void apply_managedByOnAConfigIdPaunch430LabelledPaunch_keepsItsContainers() throws Exception {
    String name = engine.name("old");
    String configId = "cfg-" + engine.suffix;
    String yaml = name + ":\n  image: " + TestImages.busybox() + "\n  command: sleep 600\n";
    Path file = Files.writeString(dir.resolve("old.yml"), yaml);
    // what paunch 4.3.0 did with "apply --managed-by ours": it wrote managed_by=paunch anyway
    assertThat(
            engine.paunch("apply", "--file", file.toString(), "--config-id", configId).exitCode())
        .isZero();
    String id = engine.inspect(name).getId();
    try {
      EngineFixture.Run run =
          engine.paunch(
              "apply",
              "--file",
              file.toString(),
              "--config-id",
              configId,
              "--managed-by",
              engine.managedBy);

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo("No action taken.\n");
      assertThat(engine.inspect(name).getId()).isEqualTo(id);

      // the state commands find the same containers: a stopped one is started again
      engine.docker.killContainerCmd(id).exec();
      EngineFixture.Run started = state("started", configId);

      assertThat(started.exitCode()).as(started.err()).isZero();
      assertThat(started.out()).endsWith("started 1 container.\n");
      assertThat(engine.inspect(name).getState().getRunning()).isTrue();

      // absent is delete, which never falls back: another owner's containers are not removed
      EngineFixture.Run absent = state("absent", configId);

      assertThat(absent.exitCode()).as(absent.err()).isZero();
      assertThat(absent.out()).isEqualTo("No action taken.\n");
      assertThat(engine.inspect(name).getId()).isEqualTo(id);
    } finally {
      engine.docker.removeContainerCmd(id).withForce(true).exec();
    }
  }

  @Test
  void apply_ourLabel_isByteForByteWhatPythonWrites() throws Exception {
    String name = engine.name("bytes");
    String yaml =
        name
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  command: [sleep, '600']\n  log_tag: \"caf\u00e9 \\U0001F600\"\n  stop_grace_period: 1.0e-05\n";

    assertThat(engine.apply(dir, "cfg", yaml).exitCode()).isZero();
    String id = engine.inspect(name).getId();

    assertThat(engine.inspect(name).getConfig().getLabels().get("config_data"))
        .isEqualTo(
            "{\"image\": \""
                + TestImages.busybox()
                + "\", \"command\": [\"sleep\", \"600\"], \"log_tag\": \"caf\\u00e9"
                + " \\ud83d\\ude00\", \"stop_grace_period\": 1e-05}");
    assertThat(engine.apply(dir, "cfg", yaml).exitCode()).isZero();
    assertThat(engine.inspect(name).getId()).isEqualTo(id);
  }

  @Test
  void managedBy_otherOwnersContainers_areNeitherSeenNorTouched() throws Exception {
    EngineFixture other = new EngineFixture();
    try {
      String shared = engine.name("shared");
      String yaml = shared + ":\n  image: " + TestImages.busybox() + "\n  command: sleep 600\n";
      assertThat(other.apply(dir, "cfg", yaml).exitCode()).isZero();
      String othersId = other.inspect(shared).getId();

      assertThat(engine.apply(dir, "cfg", yaml).exitCode()).isZero();
      assertThat(engine.paunch("cleanup", "--managed-by", engine.managedBy).exitCode()).isZero();
      EngineFixture.Run list =
          engine.paunch("list", "--managed-by", other.managedBy, "-f", "value");

      assertThat(engine.names()).isEmpty();
      assertThat(other.inspect(shared).getId()).isEqualTo(othersId);
      assertThat(list.out())
          .contains("cfg " + shared + " " + TestImages.busybox() + " sleep 600 running");
    } finally {
      other.close();
    }
  }

  @Test
  void apply_badInput_reportsFileContainerKeyAndChangesNothing() throws Exception {
    String keep = engine.name("keep");
    String good = keep + ":\n  image: " + TestImages.busybox() + "\n  command: sleep 600\n";
    assertThat(engine.apply(dir, "cfg", good).exitCode()).isZero();
    String id = engine.inspect(keep).getId();

    EngineFixture.Run bad =
        engine.apply(
            dir,
            "cfg",
            keep
                + ":\n  image: "
                + TestImages.busybox()
                + "\n  command: sleep 1\nbroken:\n  command: sleep 1\n  volumes: 5\n");

    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err())
        .containsPattern("config\\d*\\.yml:5:3: broken\\.image: is required")
        .containsPattern("config\\d*\\.yml:6:12: broken\\.volumes: '5' must be");
    assertThat(engine.names()).containsExactly(keep);
    assertThat(engine.inspect(keep).getId()).isEqualTo(id);
  }

  @Test
  void apply_yamlSyntaxError_reportsLineAndColumnAndChangesNothing() throws Exception {
    Path file = Files.writeString(dir.resolve("broken.yml"), "web:\n  image: [a, b\n");

    EngineFixture.Run run =
        engine.paunch(
            "apply",
            "--file",
            file.toString(),
            "--config-id",
            "cfg",
            "--managed-by",
            engine.managedBy);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("broken.yml:3:1: YAML syntax error");
    assertThat(run.err()).doesNotContain("at dev.keelson");
    assertThat(engine.names()).isEmpty();
  }

  @Test
  void apply_malformedLabel_exitsOneBeforeTouchingTheEngine() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("ok.yml"), engine.name("x") + ":\n  image: " + TestImages.busybox() + "\n");

    EngineFixture.Run run =
        engine.paunch(
            "apply",
            "--file",
            file.toString(),
            "--config-id",
            "cfg",
            "--managed-by",
            engine.managedBy,
            "--label",
            "novalue");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("--label 'novalue' must have the form key=value");
    assertThat(engine.names()).isEmpty();
  }

  @Test
  void debugPrintCmd_entry_printsDockerRunInPaunchOrder() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("d.yml"),
            "solo-"
                + engine.suffix
                + ":\n  image: img:1\n  command: sleep 1\n  environment: [A=1]\n  user: root\n");

    EngineFixture.Run run =
        engine.paunch(
            "debug",
            "--file",
            file.toString(),
            "--container",
            "solo-" + engine.suffix,
            "--overrides",
            "{\"privileged\": true}");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "docker run --name solo-"
                + engine.suffix
                + " --detach=true --env=A=1 --privileged=true --user=root img:1 sleep 1\n");
  }

  @Test
  void debugRun_failingCommand_exitsWithItsStatus() throws Exception {
    String name = engine.name("dbg");
    Path file =
        Files.writeString(
            dir.resolve("r.yml"),
            name
                + ":\n  image: "
                + TestImages.busybox()
                + "\n  detach: false\n  command: [sh, -c, 'echo out; exit 4']\n");

    EngineFixture.Run run =
        engine.paunch("debug", "--file", file.toString(), "--container", name, "--action", "run");
    engine.docker.removeContainerCmd(name).withForce(true).exec();

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).isEqualTo("out\n");
  }

  @Test
  void engine_unreachable_failsWithAClearMessage() {
    try (Paunch paunch =
        new Paunch(
            DockerJavaEngine.connect("unix:///nonexistent/docker.sock"), Map.of(), () -> "x")) {
      assertThatThrownBy(() -> paunch.list("paunch"))
          .isInstanceOf(EngineException.class)
          .hasMessageStartingWith(
              "cannot connect to the Docker engine at unix:///nonexistent/docker.sock")
          .matches(failure -> ((EngineException) failure).isUnreachable());
    }
  }
}
