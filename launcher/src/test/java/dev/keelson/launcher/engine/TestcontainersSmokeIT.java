package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.TestImages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** Testcontainers runs offline against the local busybox image: no Ryuk, no pulls. */
@Testcontainers
class TestcontainersSmokeIT {

  @Container
  static final GenericContainer<?> BUSYBOX =
      new GenericContainer<>(DockerImageName.parse(TestImages.busybox()))
          .withCommand("sh", "-c", "echo ready; exec sleep 600")
          .waitingFor(Wait.forLogMessage(".*ready.*\\n", 1))
          .withStartupTimeout(Duration.ofSeconds(30));

  @Test
  void execInContainer_shellCommand_returnsOutputAndExitCode() throws Exception {
    ExecResult result =
        BUSYBOX.execInContainer("sh", "-c", "echo out-$((6*7)); echo err >&2; exit 3");

    assertThat(result.getStdout()).isEqualTo("out-42\n");
    assertThat(result.getStderr()).isEqualTo("err\n");
    assertThat(result.getExitCode()).isEqualTo(3);
  }
}
