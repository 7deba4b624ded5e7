package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container-agent manifest (examples/container-agent.yml) applied on the real engine. */
class ManifestIT {

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void removeOwnContainersAndVolume() throws IOException {
    String volume = engine.name("site");
    engine.close();
    try (var docker = new EngineFixture()) {
      docker.docker.removeVolumeCmd(volume).exec();
    } catch (NotFoundException e) {
      // the test failed before the volume was created; nothing of ours to remove
    }
  }

  /**
   * The shipped example with this test's names (names are global on the engine, and other builds
   * run the same test) and a free host port instead of 8080.
   */
  private Path example(int hostPort) throws IOException {
    String text = Files.readString(Path.of("..", "examples", "container-agent.yml"));
    String mine =
        text.replaceAll("name: ([a-z]+)", "name: $1-" + engine.suffix)
            .replace("hostPort: 8080", "hostPort: " + hostPort);
    assertThat(mine).isNotEqualTo(text);
    Path file = dir.resolve("container-agent.yml");
    Files.writeString(file, mine, StandardCharsets.UTF_8);
    return file;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private EngineFixture.Run apply(Path file) {
    return engine.paunch(
        "apply",
        "--file",
        file.toString(),
        "--config-id",
        "agent-" + engine.suffix,
        "--managed-by",
        engine.managedBy);
  }

  private static String get(HttpClient http, int port) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void apply_exampleManifest_servesThePageAndReapplyChangesNothing() throws Exception {
    int port = freePort();
    Path file = example(port);
    String web = engine.name("web");
    String content = engine.name("content");

    EngineFixture.Run first = apply(file);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("created 2 containers");
    assertThat(engine.names()).containsExactlyInAnyOrder(content, web);
    InspectContainerResponse served = engine.inspect(web);
    assertThat(served.getConfig().getWorkingDir()).isEqualTo("/www");
    assertThat(served.getHostConfig().getRestartPolicy().getName()).isEqualTo("always");
    Ports.Binding[] bindings =
        served.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(8080));
    assertThat(bindings).extracting(Ports.Binding::getHostIp).containsExactly("127.0.0.1");
    assertThat(bindings)
        .extracting(Ports.Binding::getHostPortSpec)
        .containsExactly(String.valueOf(port));
    assertThat(served.getMounts())
        .singleElement()
        .satisfies(
            mount -> {
              assertThat(mount.getName()).isEqualTo(engine.name("site"));
              assertThat(mount.getRW()).isFalse();
            });
    assertThat(engine.inspect(content).getConfig().getEnv())
        .contains("GREETING=hello from a container-agent manifest");
    assertThat(served.getConfig().getLabels().get("config_data"))
        .startsWith("{\"name\": \"" + web + "\", \"image\": \"keelson/busybox:1\"");

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String page =
        Eventually.await(
            "the page written by " + content + " served by " + web,
            Duration.ofSeconds(30),
            () -> get(http, port),
            body -> body.contains("hello from a container-agent manifest"));
    assertThat(page).isEqualTo("hello from a container-agent manifest\n");

    EngineFixture.Run again = apply(file);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("No action taken.");
    assertThat(engine.inspect(web).getId()).isEqualTo(served.getId());
  }

  @Test
  void apply_invalidManifest_reportsFieldAndChangesNothing() throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(
        file,
        "version: v1beta1\ncontainers:\n  - name: "
            + engine.name("web")
            + "\n    image: keelson/busybox:1\n    ports: [{name: http, containerPort: 80,"
            + " hostPort: 70000}]\n");

    EngineFixture.Run run = apply(file);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "bad.yml:5:55: containers["
                + engine.name("web")
                + "].ports[http].hostPort is invalid: 70000");
    assertThat(engine.containers()).isEmpty();
  }
}
