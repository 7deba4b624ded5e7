package dev.keelson.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;

/**
 * One copy of examples/two-tier on the engine. The example's names ({@code two-tier-consul},
 * network {@code two-tier}, ...) are replaced by a prefix unique to this run, so it can run beside
 * the demo or another build; image names and paths inside the image are left as they are.
 */
final class TwoTierDeployment implements AutoCloseable {

  /** "two-tier" as a container, network or host name; not in image names or paths. */
  private static final Pattern EXAMPLE_NAME = Pattern.compile("two-tier(?![:/])");

  private final DockerClient docker = DockerClientFactory.instance().client();
  private final Path root;
  private final Path work;
  private final PaunchCli paunch;
  private final String prefix = "tt" + UUID.randomUUID().toString().substring(0, 8);

  TwoTierDeployment(Path root, Path work) {
    this.root = root;
    this.work = work;
    this.paunch = new PaunchCli(root);
  }

  /** Creates the example's network; paunch does not create networks. */
  void createNetwork() {
    docker.createNetworkCmd().withName(prefix).withDriver("bridge").exec();
  }

  /** The config id every apply of this deployment uses. */
  String configId() {
    return prefix;
  }

  /** Applies {@code examples/two-tier/<file>} with this deployment's names. */
  PaunchCli.Run apply(String exampleFile) throws IOException {
    String example = Files.readString(root.resolve("examples/two-tier").resolve(exampleFile));
    Path config = work.resolve(exampleFile);
    Files.writeString(config, EXAMPLE_NAME.matcher(example).replaceAll(prefix));
    return paunch.run("apply", "--file", config.toString(), "--config-id", prefix);
  }

  /** The container name of the example's {@code two-tier-<role>} entry. */
  String container(String role) {
    return prefix + "-" + role;
  }

  String consulAddress() {
    InspectContainerResponse consul = docker.inspectContainerCmd(container("consul")).exec();
    ContainerNetwork network = consul.getNetworkSettings().getNetworks().get(prefix);
    if (network == null || network.getIpAddress() == null) {
      throw new IllegalStateException(container("consul") + " has no address on " + prefix);
    }
    return network.getIpAddress();
  }

  InspectContainerResponse inspect(String role) {
    return docker.inspectContainerCmd(container(role)).exec();
  }

  void signal(String role, String signal) {
    docker.killContainerCmd(container(role)).withSignal(signal).exec();
  }

  void stop(String role) {
    docker.stopContainerCmd(container(role)).withTimeout(10).exec();
  }

  /** Replaces {@code /etc/two-tier/<name>} inside the running container. */
  void copyInto(String role, Path file) {
    docker
        .copyArchiveToContainerCmd(container(role))
        .withHostResource(file.toString())
        .withRemotePath("/etc/two-tier")
        .exec();
  }

  /** The host pid of the container's process whose command starts with {@code command}. */
  String pidOf(String role, String command) {
    TopContainerResponse top = docker.topContainerCmd(container(role)).exec();
    List<String> titles = Arrays.asList(top.getTitles());
    int pid = titles.indexOf("PID");
    int cmd = titles.indexOf("CMD");
    for (String[] process : top.getProcesses()) {
      if (process[cmd].startsWith(command)) {
        return process[pid];
      }
    }
    throw new AssertionError("no process '" + command + "' in " + container(role));
  }

  /** The frontend's rendered upstream list, one address:port per entry. */
  List<String> upstreams() {
    String list = exec("frontend", "cat", "/www/frontend/upstreams.txt").strip();
    return list.isEmpty() || list.equals("none") ? List.of() : List.of(list.split("\n"));
  }

  String logs(String role) {
    StringBuilder output = new StringBuilder();
    await(
        docker
            .logContainerCmd(container(role))
            .withStdOut(true)
            .withStdErr(true)
            .exec(collect(output)));
    return output.toString();
  }

  private String exec(String role, String... command) {
    String execId =
        docker
            .execCreateCmd(container(role))
            .withCmd(command)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    StringBuilder output = new StringBuilder();
    await(docker.execStartCmd(execId).exec(collect(output)));
    return output.toString();
  }

  private static ResultCallback.Adapter<Frame> collect(StringBuilder output) {
    return new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
      }
    };
  }

  private static void await(ResultCallback.Adapter<Frame> callback) {
    try {
      if (!callback.awaitCompletion(30, TimeUnit.SECONDS)) {
        throw new AssertionError("docker output did not end within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Removes what this deployment made: its containers (through paunch) and its network. */
  @Override
  public void close() {
    PaunchCli.Run deleted = paunch.run("delete", prefix);
    try {
      docker.removeNetworkCmd(prefix).exec();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "network " + prefix + " not removed; paunch delete said: " + deleted.stderr(), e);
    }
  }
}
