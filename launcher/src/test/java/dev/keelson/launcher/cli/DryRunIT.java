package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply --dry-run} shows what apply would do and why, and touches nothing (issue 4). */
class DryRunIT {

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void removeOwnContainers() throws IOException {
    engine.close();
  }

  private EngineFixture.Run apply(String yaml, String... extra) throws IOException {
    Path file = Files.writeString(dir.resolve("c.yml"), yaml);
    String[] base = {
      "apply", "--file", file.toString(), "--config-id", "cfg", "--managed-by", engine.managedBy
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return engine.paunch(args);
  }

  @Test
  void dryRun_emptyEngine_printsPlanAndCreatesNothing() throws Exception {
    String web = engine.name("web");
    String yaml = web + ":\n  image: " + TestImages.busybox() + "\n  command: sleep 600\n";

    EngineFixture.Run run = apply(yaml, "--dry-run");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "run container:"
                + web
                + " from "
                + TestImages.busybox()
                + " (no container for this entry)\nwould create 1 container.\n");
    assertThat(engine.names()).isEmpty();
  }

  @Test
  void dryRunJson_changedEntry_explainsFieldsAndKeepsContainer() throws Exception {
    String web = engine.name("web");
    String before =
        web
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  command: sleep 600\n  environment: [TOKEN=a]\n";
    assertThat(apply(before).out()).endsWith("created 1 container.\n");
    String id = engine.inspect(web).getId();

    EngineFixture.Run run =
        apply(
            before.replace("sleep 600", "sleep 700").replace("TOKEN=a", "TOKEN=b"),
            "--dry-run",
            "--format",
            "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"dryRun\" : true")
        .contains(
            "changed config_data: command (sleep 600 => sleep 700), environment (changed TOKEN)")
        .contains("\"summary\" : \"would create 1 container, remove 1 container.\"")
        .doesNotContain("TOKEN=b");
    assertThat(engine.inspect(web).getId()).isEqualTo(id);
    assertThat(apply(before).out()).isEqualTo("No action taken.\n");
  }
}
