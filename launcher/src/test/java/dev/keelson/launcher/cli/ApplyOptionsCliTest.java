package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply's new options and manifest input, where no engine is reached. */
class ApplyOptionsCliTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void apply_unknownPullPolicy_isAUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "web: {image: keelson/busybox:1}\n");

    Run run = run("apply", "--file", file.toString(), "--config-id", "x", "--pull", "sometimes");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--pull must be missing, always or never, not 'sometimes'");
  }

  @Test
  void apply_engineTimeoutBelowOneSecond_isRefusedBeforeAnyEngineCall() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "web: {image: keelson/busybox:1}\n");

    // DOCKER_HOST may name any engine here: the run must stop before it reaches one
    Run run = run("apply", "--file", file.toString(), "--config-id", "x", "--engine-timeout", "0");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("--engine-timeout must be 1 to 86400 (seconds), not 0");
  }

  @Test
  void apply_invalidManifest_exitsOneWithFieldPathBeforeAnyEngineCall() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("pod.yml"),
            """
            version: v1beta1
            containers:
              - name: web
                image: x
                env: [{key: 1BAD, value: v}]
            """);

    Run run = run("apply", "--file", file.toString(), "--config-id", "x");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("pod.yml:5:17: containers[web].env[1BAD].key is invalid: '1BAD'");
  }
}
