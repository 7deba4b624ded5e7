package dev.keelson.pilot.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ContainerNetwork;
import dev.keelson.testkit.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/** Interface specs resolved against a real container's interfaces (eth0 on Docker's bridge). */
@Testcontainers
class HostInterfacesIT {

  @Container
  static final GenericContainer<?> CONTAINER =
      new GenericContainer<>(DockerImageName.parse(TestImages.jre()))
          .withLabel("dev.keelson.test", "pilot-HostInterfacesIT")
          .withCopyFileToContainer(
              MountableFile.forHostPath(Path.of("target/classes").toAbsolutePath()),
              "/probe/classes")
          .withCopyFileToContainer(
              MountableFile.forHostPath(Path.of("target/test-classes").toAbsolutePath()),
              "/probe/test-classes")
          .withCommand("sh", "-c", "echo ready; exec sleep 600")
          .waitingFor(Wait.forLogMessage(".*ready.*\\n", 1))
          .withStartupTimeout(Duration.ofSeconds(30));

  @Test
  void resolve_eth0AndInet_giveTheContainerBridgeAddress() throws Exception {
    String bridgeAddress = bridgeAddress();

    assertThat(bridgeAddress).isNotBlank();
    assertThat(resolveInContainer("eth0")).isEqualTo(bridgeAddress);
    assertThat(resolveInContainer("inet")).isEqualTo(bridgeAddress);
    assertThat(resolveInContainer("eth0[0]")).isEqualTo(bridgeAddress);
  }

  @Test
  void resolve_defaultSpecs_areEth0Inet() throws Exception {
    String bridgeAddress = bridgeAddress();

    assertThat(resolveInContainer()).isEqualTo(bridgeAddress);
  }

  @Test
  void resolve_loopbackAndMissingInterface_followSpecOrder() throws Exception {
    assertThat(resolveInContainer("eth9", "lo")).isEqualTo("127.0.0.1");
    assertThat(resolveInContainer("eth9"))
        .startsWith("error: None of the interface specifications were able to match")
        .contains("Specifications: [eth9]")
        .contains("lo:127.0.0.1");
  }

  /** The container's address on Docker's default bridge, as the engine reports it. */
  private static String bridgeAddress() {
    ContainerNetwork bridge =
        CONTAINER.getContainerInfo().getNetworkSettings().getNetworks().get("bridge");
    assertThat(bridge).as("the container's bridge network").isNotNull();
    return Objects.requireNonNull(bridge).getIpAddress();
  }

  private static String resolveInContainer(String... specs) throws Exception {
    String command =
        "java -cp /probe/classes:/probe/test-classes dev.keelson.pilot.network.InterfaceProbeMain"
            + " /tmp/resolved "
            + String.join(" ", specs)
            + " && cat /tmp/resolved";
    ExecResult result = CONTAINER.execInContainer("sh", "-c", command);
    assertThat(result.getExitCode()).as(result.getStderr()).isZero();
    return result.getStdout();
  }
}
