package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which registry an image's credentials are keyed by, and when a helper is asked at all. */
class CredentialHelpersTest {

  @TempDir Path dir;

  @Test
  void registry_isTheFirstComponentWhenItLooksLikeAHost_elseDockerHub() {
    assertThat(CredentialHelpers.registry("127.0.0.1:5000/foo:1")).isEqualTo("127.0.0.1:5000");
    assertThat(CredentialHelpers.registry("quay.io/a/b")).isEqualTo("quay.io");
    assertThat(CredentialHelpers.registry("localhost/foo")).isEqualTo("localhost");
    assertThat(CredentialHelpers.registry("keelson/busybox:1"))
        .isEqualTo(CredentialHelpers.DOCKER_HUB);
    assertThat(CredentialHelpers.registry("centos")).isEqualTo(CredentialHelpers.DOCKER_HUB);
  }

  @Test
  void forImage_noHelperConfigured_leavesCredentialsToDockerJava() throws Exception {
    Files.writeString(
        dir.resolve("config.json"), "{\"auths\": {\"quay.io\": {\"auth\": \"eDp5\"}}}");

    assertThat(new CredentialHelpers(dir.toString()).forImage("quay.io/a/b:1")).isEmpty();
    assertThat(new CredentialHelpers(dir.resolve("none").toString()).forImage("quay.io/a"))
        .isEmpty();
  }
}
