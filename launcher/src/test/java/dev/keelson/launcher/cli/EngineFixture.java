package dev.keelson.launcher.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the launcher ITs share: a raw docker-java client to look at the engine independently of the
 * code under test, an owner label unique to one test (so tests on a shared engine never see or
 * remove each other's containers), and {@code paunch} run in-process through {@link Main#run}.
 */
final class EngineFixture implements AutoCloseable {

  /** The result of one {@code paunch} run. */
  record Run(int exitCode, String out, String err) {}

  final DockerClient docker;
  final String managedBy = "keelson-it-" + UUID.randomUUID().toString().substring(0, 8);
  final String suffix = managedBy.substring(managedBy.length() - 8);

  /** Options every {@link #apply} passes before the test's own, e.g. the runtime. */
  private final List<String> engineArgs;

  EngineFixture() {
    this(DefaultDockerClientConfig.createDefaultConfigBuilder().build(), List.of());
  }

  /**
   * A fixture for the engine at {@code dockerHost}, which {@code paunch} reaches with {@code
   * engineArgs} (such as {@code --default-runtime podman}).
   */
  EngineFixture(String dockerHost, List<String> engineArgs) {
    this(
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build(),
        engineArgs);
  }

  private EngineFixture(DefaultDockerClientConfig config, List<String> engineArgs) {
    this.engineArgs = List.copyOf(engineArgs);
    docker =
        DockerClientImpl.getInstance(
            config,
            new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
  }

  /** A container name unique to this test, so parallel builds on one engine do not collide. */
  String name(String base) {
    return base + "-" + suffix;
  }

  Run paunch(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err)) {
      code = Main.run(outWriter, errWriter, args);
    }
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code paunch apply} of {@code yaml} under {@code configId} with this test's owner. */
  Run apply(Path dir, String configId, String yaml, String... extra) throws IOException {
    Path file = Files.createTempFile(dir, "config", ".yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return applyFile(file, configId, extra);
  }

  /** {@code paunch apply} of {@code file} under {@code configId} with this test's owner. */
  Run applyFile(Path file, String configId, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "apply",
                "--file",
                file.toString(),
                "--config-id",
                configId,
                "--managed-by",
                managedBy));
    args.addAll(engineArgs);
    args.addAll(List.of(extra));
    return paunch(args.toArray(String[]::new));
  }

  /** This test's containers, oldest first. */
  List<Container> containers() {
    List<Container> found =
        new ArrayList<>(
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("managed_by", managedBy))
                .exec());
    found.sort(Comparator.comparing(Container::getCreated));
    return found;
  }

  List<String> names() {
    return containers().stream().map(container -> container.getNames()[0].substring(1)).toList();
  }

  InspectContainerResponse inspect(String nameOrId) {
    return docker.inspectContainerCmd(nameOrId).exec();
  }

  @Override
  public void close() throws IOException {
    for (Container container : containers()) {
      docker.removeContainerCmd(container.getId()).withForce(true).exec();
    }
    docker.close();
  }
}
