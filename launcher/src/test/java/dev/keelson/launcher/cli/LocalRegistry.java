package dev.keelson.launcher.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Debian's {@code docker-registry} serving a temporary directory on 127.0.0.1 and a free port. The
 * engine treats 127.0.0.0/8 as an insecure registry, so it pushes and pulls without TLS. Stopped
 * (our own process only) on close.
 */
final class LocalRegistry implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private final Process process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final int port;

  private LocalRegistry(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static LocalRegistry start(Path dir) throws IOException {
    return start(dir, null);
  }

  /**
   * A registry that asks for basic auth when {@code htpasswd} (a bcrypt {@code user:hash} line) is
   * given; the API root then answers 401 once it is up.
   */
  static LocalRegistry start(Path dir, @Nullable String htpasswd) throws IOException {
    int port = freePort();
    Path config = dir.resolve("registry.yml");
    String auth = "";
    if (htpasswd != null) {
      Path users = Files.writeString(dir.resolve("htpasswd"), htpasswd + "\n");
      auth = "auth: {htpasswd: {realm: keelson-it, path: " + users + "}}\n";
    }
    Files.writeString(
        config,
        "version: 0.1\nlog: {level: warn}\nstorage: {filesystem: {rootdirectory: "
            + dir.resolve("storage")
            + "}, delete: {enabled: true}}\nhttp: {addr: 127.0.0.1:"
            + port
            + "}\n"
            + auth);
    int upStatus = htpasswd == null ? 200 : 401;
    Process process =
        new ProcessBuilder(BINARY.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    LocalRegistry registry = new LocalRegistry(process, port);
    Eventually.await(
        "the registry on 127.0.0.1:" + port + " to answer",
        Duration.ofSeconds(20),
        () -> registry.status("/v2/") == upStatus);
    return registry;
  }

  /** {@code 127.0.0.1:port}, the registry part of an image reference. */
  String host() {
    return "127.0.0.1:" + port;
  }

  /**
   * Tags {@code source} as {@code repository:tag} (a repository of this registry), pushes it,
   * checks that the registry has it, and drops the local tag, so that a later run must pull it.
   */
  void push(DockerClient docker, String source, String repository, String tag)
      throws InterruptedException {
    docker.tagImageCmd(source, repository, tag).exec();
    docker
        .pushImageCmd(repository)
        .withTag(tag)
        .exec(new ResultCallback.Adapter<PushResponseItem>())
        .awaitCompletion(60, TimeUnit.SECONDS);
    String manifest = "/v2/" + repository.substring(host().length() + 1) + "/manifests/" + tag;
    if (status(manifest) != 200) {
      throw new IllegalStateException("the registry does not have " + repository + ":" + tag);
    }
    docker.removeImageCmd(repository + ":" + tag).exec();
  }

  /**
   * Removes from the engine what pulls of {@code repository} left: its tags and the repository
   * digests (repo@sha256:...) an image keeps after its tag is gone.
   */
  static void removeImagesOf(DockerClient docker, String repository) {
    for (Image image : docker.listImagesCmd().exec()) {
      List<String> names = new ArrayList<>();
      for (String[] some : new String[][] {image.getRepoTags(), image.getRepoDigests()}) {
        names.addAll(List.of(some == null ? new String[0] : some));
      }
      for (String name : names) {
        if (name.startsWith(repository + ":") || name.startsWith(repository + "@")) {
          try {
            docker.removeImageCmd(name).withForce(true).exec();
          } catch (NotFoundException e) {
            // gone with an earlier name of the same image
          }
        }
      }
    }
  }

  /** The HTTP status of a GET on the registry API, e.g. a manifest to check that a push landed. */
  int status(String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://" + host() + path))
                  .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
