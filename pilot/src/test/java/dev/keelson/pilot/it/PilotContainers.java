package dev.keelson.pilot.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import dev.keelson.testkit.Eventually;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * Containers whose entrypoint is the pilot ({@code keelson/pilot:dev}, built from the packaged dist
 * by {@code scripts/build-images.sh pilot}). Each gets a unique name and a label, and only those
 * are removed.
 */
final class PilotContainers implements AutoCloseable {

  static final String LABEL = "dev.keelson.test";
  private final DockerClient docker = DockerClientFactory.instance().client();
  private final String owner = "pilot-it-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> created = new ArrayList<>();

  static String image() {
    return TestImages.prefix() + "/pilot:dev";
  }

  /** Builds the pilot image from the dist this build packaged; fails loudly if it cannot. */
  static void buildImage() throws IOException, InterruptedException {
    Path root = Pid1Run.repositoryRoot();
    Process build =
        new ProcessBuilder("bash", root.resolve("scripts/build-images.sh").toString(), "pilot")
            .redirectErrorStream(true)
            .start();
    String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
      throw new IllegalStateException("scripts/build-images.sh pilot failed:\n" + output);
    }
  }

  /** Creates and starts a container; {@code command} is passed to the pilot entrypoint. */
  String run(Map<String, String> env, boolean readOnly, String... command) {
    String name = owner + "-" + created.size();
    List<String> environment =
        env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    try (CreateContainerCmd create = docker.createContainerCmd(image())) {
      String id =
          create
              .withName(name)
              .withLabels(Map.of(LABEL, owner))
              .withCmd(command)
              .withEnv(environment)
              .withHostConfig(
                  HostConfig.newHostConfig().withReadonlyRootfs(readOnly).withNetworkMode("none"))
              .exec()
              .getId();
      created.add(id);
      docker.startContainerCmd(id).exec();
      return id;
    }
  }

  void signal(String id, String signal) {
    docker.killContainerCmd(id).withSignal(signal).exec();
  }

  /** Waits for the container to stop and returns its exit code (the pilot's). */
  int awaitExit(String id, Duration timeout) {
    InspectContainerResponse.ContainerState state =
        Eventually.await(
            "container " + id + " to exit",
            timeout,
            () -> docker.inspectContainerCmd(id).exec().getState(),
            current -> !Boolean.TRUE.equals(current.getRunning()));
    Long code = state.getExitCodeLong();
    return code == null ? -1 : code.intValue();
  }

  /** Runs {@code command} inside the running container and returns its stdout. */
  String exec(String id, String... command) {
    String execId =
        docker
            .execCreateCmd(id)
            .withCmd(command)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    StringBuilder output = new StringBuilder();
    try {
      docker
          .execStartCmd(execId)
          .exec(
              new com.github.dockerjava.api.async.ResultCallback.Adapter<
                  com.github.dockerjava.api.model.Frame>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.Frame frame) {
                  output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
              })
          .awaitCompletion(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return output.toString();
  }

  /** The container's log (stdout and stderr). */
  String logs(String id) {
    StringBuilder output = new StringBuilder();
    try {
      docker
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .exec(
              new com.github.dockerjava.api.async.ResultCallback.Adapter<
                  com.github.dockerjava.api.model.Frame>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.Frame frame) {
                  output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
              })
          .awaitCompletion(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return output.toString();
  }

  @Override
  public void close() {
    for (String id : created) {
      try {
        docker.removeContainerCmd(id).withForce(true).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }
}
