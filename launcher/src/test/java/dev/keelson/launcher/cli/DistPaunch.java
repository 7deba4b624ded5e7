package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged {@code bin/paunch} (built by {@code package}, before failsafe runs), started as a
 * separate process so a test can kill it or make it wait on a lock the test holds.
 */
final class DistPaunch {

  /** A running {@code paunch}; stdout and stderr go to files the test reads. */
  record Started(Process process, Path out, Path err) {

    String errText() {
      return text(err);
    }

    String outText() {
      return text(out);
    }

    private static String text(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Path SCRIPT = Path.of("target/assembly/dist/bin/paunch").toAbsolutePath();

  private DistPaunch() {}

  /** The packaged launcher script, for a test that starts it its own way. */
  static Path script() {
    assertThat(SCRIPT).as("run 'mvn package' first").isExecutable();
    return SCRIPT;
  }

  static Started start(Path dir, String... args) throws IOException {
    return start(dir, Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with {@code environment} added to this JVM's. */
  static Started start(Path dir, Map<String, String> environment, String... args)
      throws IOException {
    assertThat(SCRIPT).as("run 'mvn package' first").isExecutable();
    List<String> command = new ArrayList<>();
    command.add(SCRIPT.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "paunch", ".out");
    Path err = Files.createTempFile(dir, "paunch", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new Started(process, out, err);
  }
}
