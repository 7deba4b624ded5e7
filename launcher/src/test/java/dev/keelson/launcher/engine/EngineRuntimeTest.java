package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each runtime's engine is, and how its failures read. */
class EngineRuntimeTest {

  @Test
  void named_knowsDockerAndPodmanOnly() {
    assertThat(EngineRuntime.named("podman")).contains(EngineRuntime.PODMAN);
    assertThat(EngineRuntime.named("docker")).contains(EngineRuntime.DOCKER);
    assertThat(EngineRuntime.named("Podman")).isEmpty();
    assertThat(EngineRuntime.named("crio")).isEmpty();
  }

  @Test
  void address_dockerHostAlwaysWins() {
    Map<String, String> env = Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375");

    assertThat(EngineRuntime.PODMAN.address(env, true)).isEqualTo("tcp://127.0.0.1:2375");
    assertThat(EngineRuntime.PODMAN.address(env, false)).isEqualTo("tcp://127.0.0.1:2375");
    assertThat(EngineRuntime.DOCKER.address(env, true)).isEqualTo("tcp://127.0.0.1:2375");
  }

  @Test
  void address_podmanForRoot_isTheSystemSocket() {
    assertThat(EngineRuntime.PODMAN.address(Map.of("XDG_RUNTIME_DIR", "/run/user/0"), true))
        .isEqualTo("unix:///run/podman/podman.sock");
  }

  @Test
  void address_podmanForAUser_isInTheRuntimeDirectory() {
    assertThat(EngineRuntime.PODMAN.address(Map.of("XDG_RUNTIME_DIR", "/run/user/1000/"), false))
        .isEqualTo("unix:///run/user/1000/podman/podman.sock");
  }

  @Test
  void address_podmanForAUserWithoutRuntimeDirectory_saysWhatToSet() {
    assertThatThrownBy(() -> EngineRuntime.PODMAN.address(Map.of("DOCKER_HOST", " "), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("XDG_RUNTIME_DIR is not set")
        .hasMessageContaining("set DOCKER_HOST");
  }

  @Test
  void address_dockerWithoutDockerHost_isTheDefaultSocket() {
    assertThat(EngineRuntime.DOCKER.address(Map.of(), false))
        .isEqualTo("unix:///var/run/docker.sock");
  }

  @Test
  void unreachable_podman_namesTheSocketAndHowToStartTheService() {
    EngineException failure =
        EngineException.unreachable(
            EngineRuntime.PODMAN,
            "unix:///run/podman/podman.sock",
            new IOException("No such file or directory"));

    assertThat(failure.getMessage())
        .startsWith(
            "cannot connect to the podman API service at unix:///run/podman/podman.sock: No such"
                + " file or directory; ")
        .contains("podman system service --time=0 unix:///run/podman/podman.sock")
        .doesNotContain("\n");
    assertThat(failure.isUnreachable()).isTrue();
  }

  @Test
  void reason_podmanBody_keepsItsMessage() {
    DockerException answer =
        new DockerException(
            "{\"cause\":\"no such container\",\"message\":\"no container with name or ID"
                + " \\\"x\\\" found: no such container\",\"response\":404}\n",
            404);

    assertThat(EngineCalls.reason(answer))
        .isEqualTo("no container with name or ID \"x\" found: no such container");
  }

  @Test
  void reason_dockerBody_keepsItsMessage() {
    DockerException answer =
        new DockerException("{\"message\":\"Conflict. The name \\\"/web\\\" is in use\"}", 409);

    assertThat(EngineCalls.reason(answer)).isEqualTo("Conflict. The name \"/web\" is in use");
  }

  @Test
  void reason_plainText_isKeptWhole() {
    DockerException answer = new DockerException("page not found", 404);

    assertThat(EngineCalls.reason(answer)).isEqualTo("Status 404: page not found");
  }
}
