package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a credential helper is asked at all, and what its answer gives. */
class CredentialHelpersTest {

  @TempDir Path dir;

  @Test
  void forImage_noHelperConfigured_leavesCredentialsToDockerJava() throws Exception {
    Files.writeString(
        dir.resolve("config.json"), "{\"auths\": {\"quay.io\": {\"auth\": \"eDp5\"}}}");

    assertThat(new CredentialHelpers(dir.toString()).forImage("quay.io/a/b:1")).isEmpty();
    assertThat(new CredentialHelpers(dir.resolve("none").toString()).forImage("quay.io/a"))
        .isEmpty();
  }
}
