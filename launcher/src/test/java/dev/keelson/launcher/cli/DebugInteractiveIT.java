package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.Eventually;
import dev.keelson.testkit.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /**
   * On a terminal (a pseudo-terminal made by util-linux's {@code script}), the container's TTY gets
   * the terminal's size once it runs, and follows the window when it is resized (the kernel sends
   * paunch SIGWINCH). The container polls its own size, since the resize follows the start.
   */
  @Test
  void interactive_onATerminal_theTtyTakesTheWindowsSize_andFollowsIt() throws Exception {
    String name = engine.name("dbg-size");
    Path config = writeEntry(name);
    String inContainer =
        "i=0; until [ \"$(stty size)\" = '20 60' ] || [ $i = 100 ]; do i=$((i+1)); sleep 0.1; done;"
            + " echo first=$(stty size);"
            + " i=0; until [ \"$(stty size)\" = '30 90' ] || [ $i = 100 ]; do i=$((i+1)); sleep 0.1;"
            + " done; echo second=$(stty size); exit 4";
    Path overrides =
        Files.writeString(
            dir.resolve("overrides.json"),
            "{\"command\": [\"sh\", \"-c\", \"" + inContainer.replace("\"", "\\\"") + "\"]}");
    Path resized = dir.resolve("resize-now");
    // paunch runs in the foreground of the terminal; a background job resizes the window once the
    // test has seen the first size
    Path wrapper =
        Files.writeString(
            dir.resolve("on-a-terminal.sh"),
            "stty rows 20 cols 60\n"
                + "( while [ ! -e '"
                + resized
                + "' ]; do sleep 0.05; done; stty rows 30 cols 90 </dev/tty ) &\n"
                + "exec '"
                + DistPaunch.script()
                + "' debug --file '"
                + config
                + "' --container "
                + name
                + " --action run --interactive --overrides \"$(cat '"
                + overrides
                + "')\"\n");
    Process terminal =
        new ProcessBuilder("script", "-qec", "sh " + wrapper, "/dev/null")
            .redirectErrorStream(true)
            .start();
    // what the terminal shows; its methods are synchronized, so the reader thread may write to it
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (var in = terminal.getInputStream()) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  shown.write(buffer, 0, n);
                }
              } catch (IOException e) {
                shown.writeBytes(e.toString().getBytes(StandardCharsets.UTF_8));
              }
            });
    reader.start();
    // script's stdin stays open (nothing is typed) until the end: at its end, script would end too
    try {
      Eventually.await(
          "the first size in the container's output",
          Duration.ofSeconds(60),
          () -> shown.toString(StandardCharsets.UTF_8).contains("first=") || !terminal.isAlive());
      Files.createFile(resized);
      assertThat(terminal.waitFor(60, TimeUnit.SECONDS))
          .as(shown.toString(StandardCharsets.UTF_8))
          .isTrue();
    } finally {
      terminal.getOutputStream().close();
      terminal.destroyForcibly();
    }
    reader.join(10_000);

    assertThat(terminal.exitValue()).as(shown.toString(StandardCharsets.UTF_8)).isEqualTo(4);
    assertThat(shown.toString(StandardCharsets.UTF_8))
        .contains("first=20 60")
        .contains("second=30 90");
    assertThat(containersNamed(name)).isEmpty();
  }

  private Path writeEntry(String name) throws IOException {
    return Files.writeString(
        dir.resolve(name + ".yml"),
        name + ":\n  image: " + TestImages.busybox() + "\n  command: [sh, -c, 'exit 9']\n");
  }

  private DistPaunch.Started debugRun(String name, String overrides, String stdin)
      throws IOException {
    Path file = writeEntry(name);
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
