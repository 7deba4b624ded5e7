package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code bin/paunch}'s class-data archive, for a copy of the distribution in a
 * temporary directory with its own cache: a failed run leaves no class list, the first real run
 * records one, the next builds the archive from it in the background, later runs map paunch's
 * classes from it, and a different jar (an upgrade) drops it and records again.
 */
class ClassDataArchiveIT {

  private static final Path BUILT = Path.of("target/assembly/dist").toAbsolutePath();
  private static final Duration BUILD_DEADLINE = Duration.ofMinutes(2);

  @TempDir Path dir;

  private final String owner = "it-cds-" + UUID.randomUUID().toString().substring(0, 8);
  private Path home = Path.of("");
  private Path cache = Path.of("");

  @BeforeEach
  void copyDistribution() throws IOException {
    // (JDK 17 cannot map classes of a class path with a space, so the script makes no archive for
    // an installation there; the cache directory may hold one)
    home = dir.resolve("paunch-home");
    cache = dir.resolve("cache dir");
    for (String file : List.of("bin/paunch", "lib/paunch.jar")) {
      Files.createDirectories(home.resolve(file).getParent());
      Files.copy(BUILT.resolve(file), home.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  @Test
  void archive_isRecordedBuiltMappedAndDroppedWhenTheJarChanges() throws Exception {
    String missing = dir.resolve("missing.yml").toString();
    assertThat(run(Map.of(), "apply", "--file", missing, "--config-id", owner))
        .as("a failed run")
        .isEqualTo(1);
    assertThat(names()).as("a failed run keeps no class list").isEmpty();

    assertThat(run(Map.of(), "list", "--managed-by", owner)).isZero();
    assertThat(names()).singleElement().asString().endsWith(".classlist");

    assertThat(run(Map.of(), "list", "--managed-by", owner)).isZero();
    Path archive = awaitArchive();

    Path classLog = dir.resolve("classes.log");
    assertThat(
            run(
                Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog),
                "list",
                "--managed-by",
                owner))
        .isZero();
    assertThat(Files.readAllLines(classLog, StandardCharsets.UTF_8))
        .anyMatch(line -> line.contains("dev.keelson.launcher.cli.Main source: shared objects"))
        .anyMatch(line -> line.contains("picocli.CommandLine source: shared objects"));

    // An upgrade brings another jar, here one an hour older: the archive no longer fits it.
    Path jar = home.resolve("lib/paunch.jar");
    Files.setLastModifiedTime(
        jar, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(3600)));
    assertThat(run(Map.of(), "list", "--managed-by", owner)).isZero();
    assertThat(archive).doesNotExist();
    assertThat(names()).singleElement().asString().endsWith(".classlist");
  }

  /** Runs the copied {@code bin/paunch} with {@code args}; returns its exit code. */
  private int run(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/paunch").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile());
    builder.environment().put("PAUNCH_CDS_DIR", cache.toString());
    builder.environment().remove("PAUNCH_CDS");
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("paunch finished").isTrue();
    return process.exitValue();
  }

  /** The archive appears when the background build renames it into place; nothing is left over. */
  private Path awaitArchive() {
    List<String> names =
        Eventually.await(
            "the archive and its stamps alone in " + cache,
            BUILD_DEADLINE,
            this::names,
            found -> found.size() == 3 && found.get(0).endsWith(".jsa"));
    assertThat(names.subList(1, 3))
        .allMatch(name -> name.endsWith(".jsa.jar") || name.endsWith(".jsa.jvm"));
    return cache.resolve(names.get(0));
  }

  private List<String> names() {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
