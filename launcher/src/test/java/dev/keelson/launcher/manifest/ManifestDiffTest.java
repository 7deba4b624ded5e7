package dev.keelson.launcher.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.launcher.spec.ConfigDiff;
import dev.keelson.launcher.spec.ContainerSpec;
import org.junit.jupiter.api.Test;

/** A changed manifest container is explained in manifest field names, env values hidden. */
class ManifestDiffTest {

  private static ContainerSpec web(String extra) throws Exception {
    String yaml =
        "version: v1beta1\ncontainers:\n  - name: web\n    image: app:1\n" + extra.indent(4);
    return ConfigFileReader.parse(YamlDocuments.parse(ConfigSource.of("pod.yml", yaml)))
        .containers()
        .get(0);
  }

  @Test
  void describe_envChange_namesVariablesNotValues() throws Exception {
    String diff =
        ConfigDiff.describe(
            web("env: [{key: TOKEN, value: old-secret}, {key: GONE, value: x}]").entry(),
            web("env: [{key: TOKEN, value: new-secret}, {key: NEW, value: y}]").entry());

    assertThat(diff).isEqualTo("env (changed TOKEN; added NEW; removed GONE)");
    assertThat(diff).doesNotContain("secret");
  }

  @Test
  void describe_portChange_showsOldAndNew() throws Exception {
    String diff =
        ConfigDiff.describe(
            web("ports: [{containerPort: 80}]").entry(),
            web("ports: [{containerPort: 81}]").entry());

    assertThat(diff).isEqualTo("ports ([{containerPort: 80}] => [{containerPort: 81}])");
  }
}
