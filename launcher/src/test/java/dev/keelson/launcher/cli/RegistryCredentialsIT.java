package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.keelson.testkit.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from a registry that requires a login take the credentials from the docker CLI's config
 * file ({@code auths}), found through {@code DOCKER_CONFIG}. docker-java reads that setting from
 * the environment or, as here, from a system property of the same name.
 */
class RegistryCredentialsIT {

  /** bcrypt of "it-secret" for user "keelson" (a test-only password). */
  private static final String HTPASSWD =
      "keelson:$2b$12$/XoBNNZAakURu5gpnHChPuUO1oldMiTvGEGI4gQ17kdOf/WX/CS5a";

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void cleanUp() throws Exception {
    System.clearProperty("DOCKER_CONFIG");
    engine.close();
  }

  @Test
  void apply_privateRegistry_pullsWithCredentialsFromDockerConfig() throws Exception {
    assumeThat(Files.isExecutable(LocalRegistry.BINARY)).isTrue();
    try (LocalRegistry registry = LocalRegistry.start(dir, HTPASSWD)) {
      String repository = registry.host() + "/keelson-it-" + engine.suffix + "/busybox";
      try {
        push(registry, repository);
        Path config = dir.resolve("config.yml");
        Files.writeString(
            config,
            engine.name("web") + ":\n  image: " + repository + ":1\n  command: sleep 600\n");

        System.setProperty(
            "DOCKER_CONFIG", Files.createDirectories(dir.resolve("empty")).toString());
        EngineFixture.Run anonymous = apply(config);

        assertThat(anonymous.exitCode()).isEqualTo(1);
        assertThat(anonymous.err()).contains(repository + ":1").contains("credentials");

        Path dockerConfig = Files.createDirectories(dir.resolve("docker"));
        String token =
            Base64.getEncoder()
                .encodeToString("keelson:it-secret".getBytes(StandardCharsets.UTF_8));
        Files.writeString(
            dockerConfig.resolve("config.json"),
            "{\"auths\": {\"" + registry.host() + "\": {\"auth\": \"" + token + "\"}}}");
        System.setProperty("DOCKER_CONFIG", dockerConfig.toString());
        EngineFixture.Run run = apply(config);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(engine.inspect(engine.name("web")).getState().getRunning()).isTrue();

        // a dry run of --pull always asks the registry, with the same credentials as a pull
        EngineFixture.Run preview = apply(config, "--pull", "always", "--dry-run");

        assertThat(preview.exitCode()).as(preview.err()).isZero();
        assertThat(preview.out())
            .as("the registry answered: the tag has not moved")
            .doesNotContain("cannot tell")
            .doesNotContain("remove container:");
        System.setProperty("DOCKER_CONFIG", dir.resolve("empty").toString());
        assertThat(apply(config, "--pull", "always", "--dry-run").out())
            .as("without credentials the registry refuses, and the dry run says it cannot tell")
            .contains("note: cannot tell yet whether pulling " + repository + ":1");
      } finally {
        removeRepositoryImages(repository);
      }
    }
  }

  /**
   * A credential helper named in {@code credHelpers} ({@code docker-credential-<name>} on {@code
   * PATH}) is asked for the registry's credentials, as the docker CLI asks it. Runs the packaged
   * {@code bin/paunch}, whose {@code PATH} the test can set.
   */
  @Test
  void apply_privateRegistry_pullsWithCredentialsFromAHelper() throws Exception {
    assumeThat(Files.isExecutable(LocalRegistry.BINARY)).isTrue();
    try (LocalRegistry registry = LocalRegistry.start(dir, HTPASSWD)) {
      String repository = registry.host() + "/keelson-it-" + engine.suffix + "/busybox";
      try {
        push(registry, repository);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path asked = dir.resolve("asked");
        Path helper = bin.resolve("docker-credential-keelsontest");
        Files.writeString(
            helper,
            "#!/bin/sh\n"
                + "read -r registry\n"
                + "echo \"$1 $registry\" >> "
                + asked
                + "\n"
                // real helpers print notices on stderr (gpg, gcloud); the answer is stdout only
                + "echo 'gpg: a notice on stderr' >&2\n"
                + "if [ \"$registry\" = \""
                + registry.host()
                + "\" ]; then\n"
                + "  printf '{\"ServerURL\": \"%s\", \"Username\": \"keelson\", \"Secret\":"
                + " \"it-secret\"}' \"$registry\"\n"
                + "else\n"
                + "  echo 'credentials not found in native keychain'; exit 1\n"
                + "fi\n");
        assertThat(helper.toFile().setExecutable(true)).isTrue();
        Path dockerConfig = Files.createDirectories(dir.resolve("helped"));
        Files.writeString(
            dockerConfig.resolve("config.json"),
            "{\"credHelpers\": {\"" + registry.host() + "\": \"keelsontest\"}}");
        Path config = dir.resolve("config.yml");
        Files.writeString(
            config,
            engine.name("web") + ":\n  image: " + repository + ":1\n  command: sleep 600\n");

        DistPaunch.Started run =
            DistPaunch.start(
                dir,
                Map.of(
                    "PATH",
                    bin + ":" + System.getenv("PATH"),
                    "DOCKER_CONFIG",
                    dockerConfig.toString(),
                    "PAUNCH_CDS",
                    "off"),
                "apply",
                "--file",
                config.toString(),
                "--config-id",
                "creds-" + engine.suffix,
                "--managed-by",
                engine.managedBy);

        assertThat(run.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process().exitValue()).as(run.errText()).isZero();
        assertThat(Files.readString(asked)).isEqualTo("get " + registry.host() + "\n");
        assertThat(engine.inspect(engine.name("web")).getState().getRunning()).isTrue();
      } finally {
        removeRepositoryImages(repository);
      }
    }
  }

  /** Pushes busybox as {@code repository:1} with the registry's login, and drops the local tag. */
  private void push(LocalRegistry registry, String repository) throws InterruptedException {
    engine.docker.tagImageCmd(TestImages.busybox(), repository, "1").exec();
    engine
        .docker
        .pushImageCmd(repository)
        .withTag("1")
        .withAuthConfig(
            new AuthConfig()
                .withRegistryAddress(registry.host())
                .withUsername("keelson")
                .withPassword("it-secret"))
        .exec(new ResultCallback.Adapter<PushResponseItem>())
        .awaitCompletion(60, TimeUnit.SECONDS);
    engine.docker.removeImageCmd(repository + ":1").exec();
  }

  private EngineFixture.Run apply(Path config, String... more) {
    return engine.applyFile(config, "creds-" + engine.suffix, more);
  }

  /** Our tag and the repository digest a pull leaves behind; nothing else. */
  private void removeRepositoryImages(String repository) {
    // containers first, so the image can go
    engine
        .containers()
        .forEach(c -> engine.docker.removeContainerCmd(c.getId()).withForce(true).exec());
    LocalRegistry.removeImagesOf(engine.docker, repository);
  }
}
