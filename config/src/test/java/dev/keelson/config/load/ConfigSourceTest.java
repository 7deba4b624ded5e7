package dev.keelson.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.config.problem.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

  @TempDir Path dir;

  @Test
  void read_missingFile_namesThePath() {
    Path missing = dir.resolve("nope.yml");

    assertThatThrownBy(() -> ConfigSource.read(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": cannot read file: no such file");
  }

  @Test
  void read_invalidUtf8_isAProblemNotACrash() throws Exception {
    Path binary = dir.resolve("bin.yml");
    Files.write(binary, new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe});

    assertThatThrownBy(() -> ConfigSource.read(binary))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("cannot read file: not valid UTF-8 text");
  }

  @Test
  void read_utf8File_keepsTextAndDetectsFormat() throws Exception {
    Path file = dir.resolve("c.json");
    Files.writeString(file, "{\"greeting\": \"grüß dich 🚀\"}");

    ConfigSource source = ConfigSource.read(file);

    assertThat(source.text()).contains("grüß dich 🚀");
    assertThat(source.format()).isEqualTo(Format.JSON);
    assertThat(Documents.parse(source).root().get("greeting").textValue())
        .isEqualTo("grüß dich 🚀");
  }
}
