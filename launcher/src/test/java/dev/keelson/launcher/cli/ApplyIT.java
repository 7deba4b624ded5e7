package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** paunch's apply on the real engine: create, keep, replace, delete (issue 3). */
class ApplyIT {

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void removeOwnContainers() throws IOException {
    engine.close();
  }

  private String sleeper(String name, String extra) {
    return name + ":\n  image: " + TestImages.busybox() + "\n  command: sleep 600\n" + extra;
  }

  @Test
  void apply_readmeWalkthrough_createsKeepsSuffixesAndCleanupRenamesBack() throws Exception {
    String hello = engine.name("hello");
    String yaml = sleeper(hello, "");

    assertThat(engine.apply(dir, "hi", yaml).exitCode()).isZero();
    String firstId = engine.inspect(hello).getId();
    assertThat(engine.inspect(hello).getState().getRunning()).isTrue();
    assertThat(engine.inspect(hello).getConfig().getLabels())
        .containsEntry("config_id", "hi")
        .containsEntry("container_name", hello)
        .containsEntry("managed_by", engine.managedBy)
        .containsEntry(
            "config_data",
            "{\"image\": \"" + TestImages.busybox() + "\", \"command\": \"sleep 600\"}");

    assertThat(engine.apply(dir, "hi", yaml).exitCode()).isZero();
    assertThat(engine.names()).containsExactly(hello);
    assertThat(engine.inspect(hello).getId()).isEqualTo(firstId);

    assertThat(engine.apply(dir, "hi-again", yaml).exitCode()).isZero();
    List<String> names = engine.names();
    assertThat(names).hasSize(2).contains(hello);
    String suffixed = names.stream().filter(name -> !name.equals(hello)).findFirst().orElseThrow();
    assertThat(suffixed).matches(hello + "-[a-z0-9]{8}");
    assertThat(engine.inspect(suffixed).getConfig().getLabels())
        .containsEntry("config_id", "hi-again")
        .containsEntry("container_name", hello);

    assertThat(engine.paunch("cleanup", "hi-again", "--managed-by", engine.managedBy).exitCode())
        .isZero();
    assertThat(engine.names()).containsExactly(hello);
    assertThat(engine.inspect(hello).getConfig().getLabels())
        .containsEntry("config_id", "hi-again");
  }

  @Test
  void apply_changedEntry_replacesContainer() throws Exception {
    String web = engine.name("web");
    engine.apply(dir, "cfg", sleeper(web, ""));
    String before = engine.inspect(web).getId();

    EngineFixture.Run run = engine.apply(dir, "cfg", sleeper(web, "  environment: [MODE=2]\n"));

    assertThat(run.exitCode()).isZero();
    InspectContainerResponse after = engine.inspect(web);
    assertThat(after.getId()).isNotEqualTo(before);
    assertThat(after.getConfig().getEnv()).contains("MODE=2");
    assertThat(engine.names()).containsExactly(web);
  }

  @Test
  void apply_entryRemoved_deletesItsContainer() throws Exception {
    String keep = engine.name("keep");
    String drop = engine.name("drop");
    engine.apply(dir, "cfg", sleeper(keep, "") + sleeper(drop, ""));
    assertThat(engine.names()).containsExactlyInAnyOrder(keep, drop);

    assertThat(engine.apply(dir, "cfg", sleeper(keep, "")).exitCode()).isZero();

    assertThat(engine.names()).containsExactly(keep);
  }

  @Test
  void apply_detachFalseFailure_exitsWithItsStatusAndRetriesNextTime() throws Exception {
    String once = engine.name("once");
    String yaml =
        once
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  detach: false\n  command: [sh, -c, 'exit 3']\n";

    EngineFixture.Run first = engine.apply(dir, "cfg", yaml);
    String firstId = engine.inspect(once).getId();
    EngineFixture.Run second = engine.apply(dir, "cfg", yaml);

    assertThat(first.exitCode()).isEqualTo(3);
    assertThat(first.err()).contains("exited with 3");
    assertThat(second.exitCode()).isEqualTo(3);
    assertThat(engine.inspect(once).getId()).isNotEqualTo(firstId);
  }

  @Test
  void apply_commandNotFound_exits127_notExecutable_exits126_asDockerRun() throws Exception {
    String missing = engine.name("missing");
    String notExec = engine.name("notexec");

    EngineFixture.Run notFound =
        engine.apply(
            dir,
            "cfg",
            missing
                + ":\n  image: "
                + TestImages.busybox()
                + "\n  command: [nonexistent-binary]\n");
    EngineFixture.Run denied =
        engine.apply(
            dir,
            "cfg2",
            notExec + ":\n  image: " + TestImages.busybox() + "\n  command: [/etc/passwd]\n");

    assertThat(notFound.exitCode()).as(notFound.err()).isEqualTo(127);
    assertThat(notFound.err()).contains("nonexistent-binary");
    assertThat(denied.exitCode()).as(denied.err()).isEqualTo(126);
    assertThat(denied.err()).contains("permission denied");
  }

  @Test
  void apply_seccompProfileFile_isSentAsItsJsonAndEnforced() throws Exception {
    Path profile =
        Files.writeString(
            dir.resolve("no-mkdir.json"),
            """
            {
              "defaultAction": "SCMP_ACT_ALLOW",
              "syscalls": [
                {"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}
              ]
            }
            """);
    String guarded = engine.name("guarded");
    String yaml =
        guarded
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  detach: false\n  exit_codes: [1]\n  command: [mkdir, /tmp/blocked]\n"
            + "  security_opt: ['seccomp="
            + profile
            + "']\n";

    EngineFixture.Run run = engine.apply(dir, "cfg", yaml);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(engine.inspect(guarded).getHostConfig().getSecurityOpts())
        .containsExactly(
            "seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
                + "[\"mkdir\",\"mkdirat\"],\"action\":\"SCMP_ACT_ERRNO\"}]}");
    assertThat(engine.inspect(guarded).getState().getExitCodeLong()).isEqualTo(1L);
  }

  @Test
  void apply_missingSeccompProfile_failsNamingFileEntryAndKey_changesNothing() throws Exception {
    Path missing = dir.resolve("gone.json");
    String web = engine.name("web");
    String yaml =
        sleeper(engine.name("other"), "")
            + sleeper(web, "  security_opt: ['seccomp=" + missing + "']\n");

    EngineFixture.Run run = engine.apply(dir, "cfg", yaml);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(web + ".security_opt: cannot read seccomp profile " + missing + ": no such file");
    assertThat(engine.names()).isEmpty();
  }

  @Test
  void apply_envFileGoneForAKeptContainer_changesNothingAndSucceeds() throws Exception {
    Path envFile = Files.writeString(dir.resolve("web.env"), "MODE=fast\n");
    String web = engine.name("web");
    String yaml = sleeper(web, "  env_file: " + envFile + "\n");
    assertThat(engine.apply(dir, "cfg", yaml).exitCode()).isZero();
    String id = engine.inspect(web).getId();
    assertThat(engine.inspect(web).getConfig().getEnv()).contains("MODE=fast");
    Files.delete(envFile);

    EngineFixture.Run run = engine.apply(dir, "cfg", yaml);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("No action taken.\n");
    assertThat(engine.inspect(web).getId()).isEqualTo(id);
  }

  @Test
  void apply_envFileMissingForAContainerToCreate_failsBeforeAnyChange() throws Exception {
    Path gone = dir.resolve("gone.env");
    String old = engine.name("old");
    String web = engine.name("web");
    assertThat(engine.apply(dir, "cfg", sleeper(old, "")).exitCode()).isZero();
    String oldId = engine.inspect(old).getId();

    // old is gone from the config (a removal) and web is new: neither may happen.
    EngineFixture.Run run =
        engine.apply(
            dir,
            "cfg",
            sleeper(engine.name("ok"), "") + sleeper(web, "  env_file: " + gone + "\n"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(web + ".env_file: cannot read " + gone + ": no such file");
    assertThat(engine.names()).containsExactly(old);
    assertThat(engine.inspect(old).getId()).isEqualTo(oldId);
  }

  /**
   * A bare {@code KEY} that paunch's own environment lacks is sent bare, as {@code docker run --env
   * KEY} sends it, and the engine then drops the image's default for it.
   */
  @Test
  void apply_bareEnvironmentKeyUnsetHere_removesTheImagesDefault() throws Exception {
    String variable = "KEELSON_IT_DEFAULT_" + engine.suffix;
    assertThat(System.getenv(variable)).isNull();
    Path context = Files.createDirectories(dir.resolve("image"));
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM " + TestImages.busybox() + "\nENV " + variable + "=from-image\n");
    String image = "keelson-it-env-" + engine.suffix + ":1";
    engine
        .docker
        .buildImageCmd(context.toFile())
        .withTags(Set.of(image))
        .withPull(false)
        .exec(new BuildImageResultCallback())
        .awaitImageId(60, TimeUnit.SECONDS);
    try {
      String once = engine.name("once");
      String yaml =
          once
              + ":\n  image: "
              + image
              + "\n  detach: false\n  environment: ["
              + variable
              + "]\n  command: [sh, -c, 'test -z \"${"
              + variable
              + "+set}\"']\n";

      EngineFixture.Run run = engine.apply(dir, "cfg", yaml);

      assertThat(run.exitCode()).as(run.err()).isZero();
      // The engine keeps the bare name in Config.Env; the image's value is gone.
      assertThat(engine.inspect(once).getConfig().getEnv())
          .contains(variable)
          .doesNotContain(variable + "=from-image");
    } finally {
      // The container goes first, so that the image can go too.
      for (Container container : engine.containers()) {
        engine.docker.removeContainerCmd(container.getId()).withForce(true).exec();
      }
      engine.docker.removeImageCmd(image).withForce(true).exec();
    }
  }

  @Test
  void apply_detachFalseWithRemove_seesTheStatusOfAContainerThatRemovesItself() throws Exception {
    String once = engine.name("once");
    String yaml =
        once
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  detach: false\n  remove: true\n  command: [sh, -c, 'exit 5']\n";

    EngineFixture.Run run = engine.apply(dir, "cfg", yaml);

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(engine.names()).isEmpty();
  }

  @Test
  void apply_detachFalseAcceptedExitCode_succeedsAndIsNotRerun() throws Exception {
    String once = engine.name("once");
    String yaml =
        once
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  detach: false\n  exit_codes: [0, 3]\n  command: [sh, -c, 'exit 3']\n";

    assertThat(engine.apply(dir, "cfg", yaml).exitCode()).isZero();
    String id = engine.inspect(once).getId();
    assertThat(engine.apply(dir, "cfg", yaml).exitCode()).isZero();

    assertThat(engine.inspect(once).getId()).isEqualTo(id);
    assertThat(engine.inspect(once).getState().getExitCodeLong()).isEqualTo(3L);
  }

  @Test
  void apply_execEntry_runsInsideThisConfigsContainerOnEveryApply() throws Exception {
    String box = engine.name("box");
    String yaml =
        sleeper(box, "")
            + "mark:\n  action: exec\n  command: ["
            + box
            + ", sh, -c, 'echo ran >> /tmp/marks']\n";

    assertThat(engine.apply(dir, "cfg", yaml).exitCode()).isZero();
    assertThat(engine.apply(dir, "cfg", yaml).exitCode()).isZero();

    assertThat(engine.names()).containsExactly(box);
    assertThat(readFile(box, "/tmp/marks")).isEqualTo("ran\nran\n");
  }

  @Test
  void apply_startOrder_createsLowerOrdersFirstAndTiesInFileOrder() throws Exception {
    String third = engine.name("third");
    String first = engine.name("first");
    String second = engine.name("second");
    String yaml =
        sleeper(third, "  start_order: 2\n")
            + sleeper(first, "  start_order: 1\n")
            + sleeper(second, "  start_order: 1\n");

    // Ties of one level run concurrently by default; --parallel 1 is paunch's one-by-one order.
    assertThat(engine.apply(dir, "cfg", yaml, "--parallel", "1").exitCode()).isZero();

    List<String> byCreation =
        engine.containers().stream()
            .map(Container::getId)
            .map(engine::inspect)
            // RFC 3339 with trailing zeros trimmed: compare as instants, not as text
            .sorted(
                java.util.Comparator.comparing(
                    (InspectContainerResponse container) ->
                        java.time.Instant.parse(container.getCreated())))
            .map(container -> container.getName().substring(1))
            .toList();
    assertThat(byCreation).containsExactly(first, second, third);
  }

  @Test
  void apply_labels_cliLabelsAddedButNotPartOfConfigData() throws Exception {
    String web = engine.name("web");
    String yaml = sleeper(web, "");
    java.nio.file.Path file = java.nio.file.Files.createTempFile(dir, "c", ".yml");
    java.nio.file.Files.writeString(file, yaml);

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
            "team=a=b",
            "--label",
            "tier=web");

    assertThat(run.exitCode()).isZero();
    Map<String, String> labels = engine.inspect(web).getConfig().getLabels();
    assertThat(labels).containsEntry("team", "a=b").containsEntry("tier", "web");
    assertThat(labels.get("config_data")).doesNotContain("team");
  }

  @Test
  void apply_imageCannotBePulled_exitsOneAndChangesNothingElse() throws Exception {
    String keep = engine.name("keep");
    String other = engine.name("other");
    assertThat(engine.apply(dir, "cfg", sleeper(keep, "")).exitCode()).isZero();
    String id = engine.inspect(keep).getId();

    EngineFixture.Run run =
        engine.apply(
            dir,
            "cfg",
            sleeper(keep, "  environment: [CHANGED=1]\n")
                + other
                + ":\n  image: 127.0.0.1:9/keelson/missing:1\n");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("pull image:127.0.0.1:9/keelson/missing:1 failed");
    assertThat(engine.names()).containsExactly(keep);
    assertThat(engine.inspect(keep).getId()).isEqualTo(id);
  }

  private String readFile(String container, String path) throws Exception {
    var exec =
        engine.docker.execCreateCmd(container).withCmd("cat", path).withAttachStdout(true).exec();
    StringBuilder out = new StringBuilder();
    engine
        .docker
        .execStartCmd(exec.getId())
        .exec(
            new com.github.dockerjava.api.async.ResultCallback.Adapter<
                com.github.dockerjava.api.model.Frame>() {
              @Override
              public void onNext(com.github.dockerjava.api.model.Frame frame) {
                out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
              }
            })
        .awaitCompletion();
    return out.toString();
  }
}
