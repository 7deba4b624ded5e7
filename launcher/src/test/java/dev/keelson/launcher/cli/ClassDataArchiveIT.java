package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code bin/paunch}'s class-data archive, in its own cache directory: the first real
 * run records a class list, the next builds the archive from it in the background, later runs map
 * paunch's classes from it, and an archive older than the jars is dropped and recorded again.
 */
class ClassDataArchiveIT {

  private static final Path HOME = Path.of("target/assembly/dist").toAbsolutePath();
  private static final Duration BUILD_DEADLINE = Duration.ofMinutes(2);

  @TempDir Path dir;

  private final String owner = "it-cds-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void archive_isRecordedBuiltMappedAndDroppedWhenTheJarsChange() throws Exception {
    Path cache = dir.resolve("cache");

    run(cache, Map.of());
    assertThat(names(cache)).singleElement().asString().endsWith(".classlist");

    run(cache, Map.of());
    Path archive = awaitArchive(cache);

    Path classLog = dir.resolve("classes.log");
    run(cache, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
    assertThat(Files.readAllLines(classLog, StandardCharsets.UTF_8))
        .anyMatch(
            line -> line.contains("dev.keelson.launcher.cli.Main source: shared objects file"))
        .anyMatch(line -> line.contains("picocli.CommandLine source: shared objects file"));

    // A newer build replaces lib/: its archive no longer fits, so it is dropped and recorded again.
    Path lib = HOME.resolve("lib");
    FileTime built = Files.getLastModifiedTime(lib);
    try {
      Files.setLastModifiedTime(lib, FileTime.from(Instant.now().plusSeconds(60)));
      run(cache, Map.of());
      assertThat(archive).doesNotExist();
      assertThat(names(cache)).singleElement().asString().endsWith(".classlist");
    } finally {
      Files.setLastModifiedTime(lib, built);
    }
  }

  /** Runs {@code paunch list} (which talks to the engine, so it may record) and expects success. */
  private void run(Path cache, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(HOME.resolve("bin/paunch").toString(), "list", "--managed-by", owner))
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile());
    builder.environment().put("PAUNCH_CDS_DIR", cache.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("paunch list finished").isTrue();
    assertThat(process.exitValue())
        .as(Files.readString(dir.resolve("err"), StandardCharsets.UTF_8))
        .isZero();
  }

  /** The archive appears when the background build renames it into place; nothing is left over. */
  private static Path awaitArchive(Path cache) {
    List<String> names =
        Eventually.await(
            "the archive alone in " + cache,
            BUILD_DEADLINE,
            () -> names(cache),
            found -> found.size() == 1 && found.get(0).endsWith(".jsa"));
    return cache.resolve(names.get(0));
  }

  private static List<String> names(Path cache) {
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
