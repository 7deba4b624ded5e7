package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged {@code bin/paunch} (built by {@code package}, before failsafe runs), started as a
 * separate process so a test can kill it or make it wait on a lock the test holds.
 */
final class DistPaunch {

  /** A running {@code paunch}; stdout and stderr go to files the test reads. */
  record Started(Process process, Path out, Path err) {

    String errText() {
      try {
        return Files.readString(err, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Path SCRIPT = Path.of("target/assembly/dist/bin/paunch").toAbsolutePath();

  private DistPaunch() {}

  static Started start(Path dir, String... args) throws IOException {
    assertThat(SCRIPT).as("run 'mvn package' first").isExecutable();
    List<String> command = new ArrayList<>();
    command.add(SCRIPT.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "paunch", ".out");
    Path err = Files.createTempFile(dir, "paunch", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new Started(process, out, err);
  }
}
