package dev.keelson.launcher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.config.problem.Problems;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container's environment as the docker CLI builds it from --env-file and --env. */
class EnvironmentResolverTest {

  @TempDir Path dir;

  private final EnvironmentResolver resolver = new EnvironmentResolver(Map.of("SET", "caller"));

  private static ContainerSpec spec(String options) throws Exception {
    return PaunchConfigParser.parse(
            YamlDocuments.parse(ConfigSource.of("c.yml", "web: {image: img:1, " + options + "}\n")))
        .containers()
        .get(0);
  }

  @Test
  void bareEnvironmentKey_takesTheCallersValue_orIsSentBareWhenUnset() throws Exception {
    Problems problems = new Problems("c.yml");

    assertThat(resolver.resolve(spec("environment: [SET, UNSET, A=1, 'B=']"), problems))
        .containsExactly("SET=caller", "UNSET", "A=1", "B=");
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void mappingWithNullValue_isABareKey_sentBareWhenUnset() throws Exception {
    assertThat(resolver.resolve(spec("environment: {UNSET: null, SET: ''}"), new Problems("c.yml")))
        .containsExactly("UNSET", "SET=caller");
  }

  @Test
  void bareEnvFileLine_takesTheCallersValue_orIsDroppedWhenUnset() throws Exception {
    Path file = Files.writeString(dir.resolve("app.env"), "SET\nUNSET\n# comment\nA=1\n");

    assertThat(resolver.resolve(spec("env_file: " + file), new Problems("c.yml")))
        .containsExactly("SET=caller", "A=1");
  }
}
