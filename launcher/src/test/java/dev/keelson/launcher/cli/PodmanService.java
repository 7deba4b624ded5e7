package dev.keelson.launcher.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.keelson.launcher.engine.EngineRuntime;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The podman API service {@code --default-runtime podman} reaches from this test's environment, if
 * one answers there with the test image loaded; otherwise why the podman tests cannot run.
 */
final class PodmanService {

  static final String PROVISION = "scripts/provision-podman.sh starts one and loads the images";

  final String address;
  final @Nullable String missing;

  private PodmanService(String address, @Nullable String missing) {
    this.address = address;
    this.missing = missing;
  }

  static PodmanService probe() {
    String address;
    try {
      address =
          EngineRuntime.PODMAN.address(
              System.getenv(), "root".equals(System.getProperty("user.name")));
    } catch (IllegalStateException e) {
      return new PodmanService("", e.getMessage());
    }
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(address).build();
    try (DockerClient client =
        DockerClientImpl.getInstance(
            config,
            new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(10))
                .build())) {
      Optional<String> engine = podmanVersion(client.versionCmd().exec());
      if (engine.isEmpty()) {
        return new PodmanService(
            address, "the engine at " + address + " is not podman (DOCKER_HOST points elsewhere)");
      }
      try {
        client.inspectImageCmd(TestImages.busybox()).exec();
      } catch (NotFoundException e) {
        return new PodmanService(
            address,
            "podman " + engine.get() + " has no " + TestImages.busybox() + "; " + PROVISION);
      }
      return new PodmanService(address, null);
    } catch (IOException | RuntimeException e) {
      return new PodmanService(
          address, "no podman API service answers at " + address + " (" + e + "); " + PROVISION);
    }
  }

  private static Optional<String> podmanVersion(Version version) {
    if (version.getComponents() == null) {
      return Optional.empty();
    }
    return version.getComponents().stream()
        .filter(c -> String.valueOf(c.getName()).toLowerCase(Locale.ROOT).contains("podman"))
        .map(c -> String.valueOf(c.getVersion()))
        .findFirst();
  }
}
