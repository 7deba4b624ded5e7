package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.keelson.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real engine answers docker-java the way the launcher needs: create, start, inspect, list,
 * remove.
 */
class DockerJavaSmokeIT {

  private static DockerClient docker;

  @BeforeAll
  static void connect() {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    docker =
        DockerClientImpl.getInstance(
            config,
            new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .build());
  }

  @AfterAll
  static void disconnect() throws Exception {
    docker.close();
  }

  @Test
  void labelledContainer_roundTrip_isCreatedStartedListedAndRemoved() {
    String run = UUID.randomUUID().toString();
    Map<String, String> labels = Map.of("dev.keelson.test", "smoke", "dev.keelson.run", run);
    String id =
        docker
            .createContainerCmd(TestImages.busybox())
            .withName("keelson-smoke-" + run.substring(0, 8))
            .withLabels(labels)
            .withCmd("sh", "-c", "exec sleep 600")
            .exec()
            .getId();
    try {
      docker.startContainerCmd(id).exec();

      InspectContainerResponse inspected = docker.inspectContainerCmd(id).exec();
      assertThat(inspected.getState().getRunning()).isTrue();
      assertThat(inspected.getConfig().getLabels()).containsAllEntriesOf(labels);

      List<Container> listed =
          docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
      assertThat(listed).extracting(Container::getId).containsExactly(id);
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
    assertThatThrownBy(() -> docker.inspectContainerCmd(id).exec())
        .isInstanceOf(NotFoundException.class);
  }
}
