package dev.keelson.launcher.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.launcher.manifest.ConfigFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped examples (paunch configs and manifests) stay valid: no errors and no warnings. */
class ExamplesTest {

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void read_example_isValidWithoutWarnings(Path example) throws Exception {
    PaunchConfig config = ConfigFileReader.read(example);

    assertThat(config.containers()).isNotEmpty();
    assertThat(config.warnings()).isEmpty();
  }
}
