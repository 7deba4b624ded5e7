package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debug --action run --interactive}: the packaged paunch, its stdin a pipe the test writes
 * commands into, runs the entry with that stdin attached to the container's, and exits with the
 * container's status; the container is removed afterwards ({@code remove: true}, as paunch set).
 */
class DebugInteractiveIT {

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void close() throws IOException {
    engine.close();
  }

  @Test
  void interactive_withTty_runsWhatStdinSays_exitsWithItsStatus() throws Exception {
    String name = engine.name("dbg-tty");
    DistPaunch.Started paunch =
        debugRun(name, "{\"command\": [\"sh\"]}", "echo got-$((6*7)); exit 5\n");

    assertThat(paunch.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(paunch.process().exitValue()).as(paunch.errText()).isEqualTo(5);
    // a TTY echoes the typed line and ends lines with CR LF; the shell's output is there too
    assertThat(Files.readString(paunch.out())).contains("got-42");
    assertThat(containersNamed(name)).isEmpty();
  }

  @Test
  void interactive_withoutTty_passesStdinAndOutputThroughAsTheyAre() throws Exception {
    String name = engine.name("dbg-pipe");
    DistPaunch.Started paunch =
        debugRun(name, "{\"command\": [\"sh\"], \"tty\": false}", "echo got-$((6*7)); exit 3\n");

    assertThat(paunch.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(paunch.process().exitValue()).as(paunch.errText()).isEqualTo(3);
    assertThat(Files.readString(paunch.out())).isEqualTo("got-42\n");
    assertThat(containersNamed(name)).isEmpty();
  }

  private DistPaunch.Started debugRun(String name, String overrides, String stdin)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve(name + ".yml"),
            name + ":\n  image: " + TestImages.busybox() + "\n  command: [sh, -c, 'exit 9']\n");
    DistPaunch.Started paunch =
        DistPaunch.start(
            dir,
            "debug",
            "--file",
            file.toString(),
            "--container",
            name,
            "--action",
            "run",
            "--interactive",
            "--overrides",
            overrides);
    try (OutputStream input = paunch.process().getOutputStream()) {
      input.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    return paunch;
  }

  private List<String> containersNamed(String name) {
    return engine
        .docker
        .listContainersCmd()
        .withShowAll(true)
        .withNameFilter(List.of(name))
        .exec()
        .stream()
        .map(container -> String.join(",", container.getNames()))
        .toList();
  }
}
