package dev.keelson.launcher.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.WaitContainerCondition;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.keelson.launcher.observe.ObservedContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContainerEngine} over the Docker Engine API with docker-java (httpclient5 transport). The
 * address is {@code DOCKER_HOST} or the default socket, as for the docker CLI. The same code speaks
 * to podman's Docker-compatible API; where podman answers differently (see {@link #isPodman()}),
 * the difference is handled here.
 */
public final class DockerJavaEngine implements ContainerEngine {

  private static final Logger LOG = LoggerFactory.getLogger(DockerJavaEngine.class);

  /** For the calls the engine answers at once, which the {@link AnswerDeadline} bounds. */
  private final DockerClient docker;

  /**
   * For the calls that wait on a container or a registry as long as they take (stops, exits, pulls,
   * exec and attach streams). The same client as {@link #docker} except over TCP: see {@link
   * #interruptible}.
   */
  private final DockerClient waiting;

  /**
   * Over TCP only, where {@link #docker}'s read timeout would cut a stop short: clients whose
   * silence limit also covers a grace period, by that limit, made as stops need them.
   */
  private final Map<Duration, DockerClient> stopping = new ConcurrentHashMap<>();

  private final DefaultDockerClientConfig config;
  private final AnswerDeadline deadline;
  private final String address;
  private final EngineCalls calls;
  private final PullListener pulls;
  private final CredentialHelpers credentialHelpers;
  private volatile @Nullable Boolean podman;
  private final JsonReads reads;
  private final Set<String> createdWithLogTag = ConcurrentHashMap.newKeySet();

  private DockerJavaEngine(
      DockerClient docker,
      DockerClient waiting,
      JsonReads reads,
      EngineRuntime runtime,
      DefaultDockerClientConfig config,
      PullListener pulls,
      AnswerDeadline deadline,
      CredentialHelpers credentialHelpers) {
    this.docker = docker;
    this.waiting = waiting;
    this.reads = reads;
    this.config = config;
    this.deadline = deadline;
    this.address = config.getDockerHost().toString();
    this.calls = new EngineCalls(runtime, address, deadline);
    this.pulls = pulls;
    this.credentialHelpers = credentialHelpers;
  }

  /**
   * Connects lazily: nothing is sent until the first call.
   *
   * @param dockerHost an explicit address, or null for {@code DOCKER_HOST} / the default socket
   */
  public static DockerJavaEngine connect(@Nullable String dockerHost) {
    return connect(dockerHost, PullListener.NONE);
  }

  /**
   * As {@link #connect(String)}, reporting pull progress to {@code pulls}. Registry credentials
   * come from the docker CLI's config ({@code DOCKER_CONFIG} or {@code ~/.docker/config.json},
   * {@code auths} entries): docker-java attaches them to every pull from the client config.
   */
  public static DockerJavaEngine connect(@Nullable String dockerHost, PullListener pulls) {
    return connect(EngineRuntime.DOCKER, dockerHost, pulls);
  }

  /**
   * As {@link #connect(String, PullListener)} for {@code runtime}, whose name and advice appear in
   * the message when nothing answers at the address (see {@link EngineRuntime#address}).
   */
  public static DockerJavaEngine connect(
      EngineRuntime runtime, @Nullable String dockerHost, PullListener pulls) {
    return connect(runtime, dockerHost, pulls, new AnswerDeadline(AnswerDeadline.DEFAULT));
  }

  /**
   * As {@link #connect(EngineRuntime, String, PullListener)}, giving up on a call the engine has
   * not answered by {@code deadline} (see {@link AnswerDeadline} for the calls that may take
   * longer).
   */
  public static DockerJavaEngine connect(
      EngineRuntime runtime,
      @Nullable String dockerHost,
      PullListener pulls,
      AnswerDeadline deadline) {
    DefaultDockerClientConfig config = clientConfig(dockerHost);
    ApacheDockerHttpClient http;
    DockerClient docker;
    DockerClient waiting;
    if (interruptible(config)) {
      http = http(config).build();
      docker = client(config, http);
      waiting = docker;
    } else {
      http = http(config).responseTimeout(deadline.limit()).build();
      docker = client(config, http);
      waiting = client(config);
    }
    return new DockerJavaEngine(
        docker,
        waiting,
        // the reads share the prompt client's connections (closed with it)
        new JsonReads(http),
        runtime,
        config,
        pulls,
        deadline,
        new CredentialHelpers(config.getDockerConfigPath()));
  }

  /**
   * Whether a call blocked on the engine's socket ends when its thread is interrupted, which is how
   * the {@link AnswerDeadline} ends it. docker-java reads a unix socket through an interruptible
   * channel, and there its response timeout has no effect; a TCP socket's read ignores interrupts
   * but honours that timeout, so over {@code tcp://} the calls the engine answers at once go
   * through a client that gives up after the same limit of silence, and the calls that may wait
   * longer through a second client without one.
   */
  private static boolean interruptible(DefaultDockerClientConfig config) {
    return "unix".equals(config.getDockerHost().getScheme());
  }

  /** docker-java's config for {@code dockerHost}, or {@code DOCKER_HOST} / the default socket. */
  static DefaultDockerClientConfig clientConfig(@Nullable String dockerHost) {
    DefaultDockerClientConfig.Builder builder =
        DefaultDockerClientConfig.createDefaultConfigBuilder();
    if (dockerHost != null) {
      builder.withDockerHost(dockerHost);
    }
    return builder.build();
  }

  /** A client for {@code config}; it connects lazily, on its first call. */
  static DockerClient client(DefaultDockerClientConfig config) {
    return client(config, http(config).build());
  }

  /**
   * As {@link #client(DefaultDockerClientConfig)}, giving up on a call when no byte of its answer
   * has come for {@code silence} (a socket read timeout: TCP only, see {@link #interruptible}).
   */
  private static DockerClient client(DefaultDockerClientConfig config, Duration silence) {
    return client(config, http(config).responseTimeout(silence).build());
  }

  private static DockerClient client(DefaultDockerClientConfig config, DockerHttpClient http) {
    return DockerClientImpl.getInstance(new SharedMapperConfig(config), http);
  }

  private static ApacheDockerHttpClient.Builder http(DefaultDockerClientConfig config) {
    return new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(SocketTls.forHost(config))
        .maxConnections(32)
        .connectionTimeout(Duration.ofSeconds(5));
  }

  /**
   * Whether the engine is podman's compatible API rather than dockerd, asked once: {@code
   * DOCKER_HOST} may point at either, whatever {@code --default-runtime} says.
   */
  private boolean isPodman() {
    Boolean known = podman;
    if (known == null) {
      var version = calls.call("ask the engine's version", null, () -> docker.versionCmd().exec());
      var components = version.getComponents();
      known =
          components != null
              && components.stream()
                  .anyMatch(
                      c -> String.valueOf(c.getName()).toLowerCase(Locale.ROOT).contains("podman"));
      podman = known;
    }
    return known;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public List<ObservedContainer> listContainers() {
    return calls.call("list containers", null, reads::listContainers);
  }

  @Override
  public OptionalInt exitCode(String containerId) {
    Optional<InspectContainerResponse> inspected = inspectRaw(containerId);
    if (inspected.isEmpty()
        || inspected.get().getState() == null
        || Boolean.TRUE.equals(inspected.get().getState().getRunning())) {
      return OptionalInt.empty();
    }
    Long code = inspected.get().getState().getExitCodeLong();
    return code == null ? OptionalInt.empty() : OptionalInt.of(code.intValue());
  }

  @Override
  public Optional<ContainerDetails> inspect(String containerId) {
    return inspectRaw(containerId)
        .map(
            inspected -> {
              var config = inspected.getConfig();
              String[] cmd = config == null ? null : config.getCmd();
              Map<String, String> labels = config == null ? null : config.getLabels();
              var state = inspected.getState();
              return new ContainerDetails(
                  containerId,
                  JsonReads.withoutSlash(String.valueOf(inspected.getName())),
                  config == null ? "" : String.valueOf(config.getImage()),
                  cmd == null ? List.of() : Arrays.asList(cmd),
                  state == null ? "" : String.valueOf(state.getStatus()),
                  labels == null ? Map.of() : labels);
            });
  }

  private Optional<InspectContainerResponse> inspectRaw(String containerId) {
    try {
      return Optional.of(
          calls.call(
              "inspect container",
              containerId,
              () -> docker.inspectContainerCmd(containerId).exec()));
    } catch (EngineException e) {
      if (e.getCause() instanceof NotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public boolean imageExists(String image) {
    return image(image).isPresent();
  }

  @Override
  public Optional<String> imageId(String image) {
    return image(image).map(JsonReads.ImageFacts::id);
  }

  @Override
  public Set<String> localDigests(String image) {
    return image(image).map(JsonReads.ImageFacts::manifestDigests).orElse(Set.of());
  }

  private Optional<JsonReads.ImageFacts> image(String image) {
    return calls.call("inspect image", image, () -> reads.image(image));
  }

  @Override
  public Optional<String> registryDigest(String image) {
    String operation = "ask the registry about";
    Optional<AuthConfig> helped = helperCredentials(operation, image);
    // a pull gets config.json's auths from docker-java itself; this raw call must add them
    Optional<AuthConfig> credentials =
        helped.isPresent() ? helped : Optional.ofNullable(config.effectiveAuthConfig(image));
    String reference = ImageReferences.withDefaultTag(image);
    // the engine answers once the registry has: as long as a pull, not within the engine's limit
    // (over tcp:// the reads' client still gives up after that limit of silence)
    return calls.callWithoutDeadline(
        operation, image, () -> reads.distributionDigest(reference, credentials));
  }

  /** A credential helper's answer for {@code image}'s registry; its failure fails the operation. */
  private Optional<AuthConfig> helperCredentials(String operation, String image) {
    try {
      return credentialHelpers.forImage(image);
    } catch (IllegalStateException e) {
      throw new EngineException(operation, image, String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public void pullImage(String image, String cause) {
    boolean succeeded = false;
    try {
      Optional<AuthConfig> helped = helperCredentials("pull image", image);
      calls.callWithoutDeadline(
          "pull image",
          image,
          () -> {
            try {
              // Untagged, the Engine API would pull every tag of the repository.
              PullImageCmd pull = waiting.pullImageCmd(ImageReferences.withDefaultTag(image));
              // docker-java knows only config.json's auths; a helper's answer replaces them.
              helped.ifPresent(pull::withAuthConfig);
              return pull.exec(new ProgressCallback(image, pulls)).awaitCompletion();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted while pulling " + image, e);
            }
          });
      succeeded = true;
    } finally {
      pulls.finished(image, succeeded);
    }
  }

  @Override
  public void check(ContainerRequest request) {
    try {
      CreateContainerMapping.map(request);
    } catch (IllegalArgumentException e) {
      throw new EngineException(
          "prepare container", request.name(), String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public String createContainer(ContainerRequest request, String cause) {
    check(request);
    String image = request.spec().image();
    try {
      return calls.call(
          "create container",
          request.name(),
          () -> {
            try (CreateContainerCmd cmd = docker.createContainerCmd(String.valueOf(image))) {
              CreateContainerMapping.apply(cmd, request);
              String id = cmd.exec().getId();
              if (request.spec().process().logTag() != null) {
                createdWithLogTag.add(id);
              }
              return id;
            }
          });
    } catch (EngineException e) {
      String existing = isNameConflict(e) ? sameCreation(request) : null;
      if (existing == null) {
        throw e;
      }
      return existing;
    }
  }

  /**
   * dockerd answers a taken name with 409; podman 4.3 with 500 and "the container name ... is
   * already in use".
   */
  private static boolean isNameConflict(EngineException e) {
    return e.getCause() instanceof ConflictException
        || (e.getCause() instanceof DockerException
            && String.valueOf(e.getMessage()).contains("is already in use"));
  }

  /**
   * A run killed while its create request was in flight leaves the engine creating that container
   * after the next run has looked: the name is then taken by exactly the container we asked for.
   * Its labels (config_data included) say so; it is adopted instead of failing the entry.
   */
  private @Nullable String sameCreation(ContainerRequest request) {
    try {
      InspectContainerResponse found =
          calls.call(
              "inspect container",
              request.name(),
              () -> docker.inspectContainerCmd(request.name()).exec());
      Map<String, String> labels = found.getConfig() == null ? null : found.getConfig().getLabels();
      boolean neverStarted =
          found.getState() != null && "created".equals(found.getState().getStatus());
      // The image's own labels are merged in, so ours need only all be there.
      return neverStarted
              && labels != null
              && labels.entrySet().containsAll(request.labels().entrySet())
          ? found.getId()
          : null;
    } catch (EngineException e) {
      // gone meanwhile: the name's conflict stands; an engine that stopped answering stops the run
      if (e.isUnreachable()) {
        throw e;
      }
      return null;
    }
  }

  @Override
  public void startContainer(String containerId, String containerName, String cause) {
    try {
      calls.call(
          "start container", containerName, () -> docker.startContainerCmd(containerId).exec());
    } catch (EngineException e) {
      // an engine that stopped answering stops the run, whatever the container
      if (!e.isUnreachable() && createdWithLogTag.contains(containerId) && isPodman()) {
        // conmon refuses the tag before the container runs and says so only in the service's
        // log; podman answers "write child: broken pipe" or "exit status 1"
        throw new EngineException(
            "start container",
            containerName,
            e.reason()
                + " (log_tag is set, and podman's default k8s-file log driver does not take a tag:"
                + " drop log_tag, or use the journald log driver in containers.conf)",
            e);
      }
      throw e;
    }
  }

  @Override
  public void stopContainer(
      String containerId, String containerName, int graceSeconds, String cause) {
    callAfterGrace(
        "stop container",
        containerName,
        graceSeconds,
        client -> {
          try {
            var stop = client.stopContainerCmd(containerId);
            (graceSeconds < 0 ? stop : stop.withTimeout(graceSeconds)).exec();
          } catch (NotModifiedException e) {
            // It stopped by itself since it was observed: the goal is met.
          }
          return Boolean.TRUE;
        });
  }

  @Override
  public void killContainer(String containerId, String containerName, String cause) {
    calls.call("kill container", containerName, () -> docker.killContainerCmd(containerId).exec());
  }

  @Override
  public void restartContainer(
      String containerId, String containerName, int graceSeconds, String cause) {
    callAfterGrace(
        "restart container",
        containerName,
        graceSeconds,
        client -> {
          var restart = client.restartContainerCmd(containerId);
          return (graceSeconds < 0 ? restart : restart.withTimeout(graceSeconds)).exec();
        });
  }

  /**
   * Runs a stop or restart, which the engine answers up to {@code graceSeconds} late: bounded by
   * that plus the answer deadline, through {@link #stopping}'s client. A negative grace (a
   * container never killed) is waited for without a limit, through {@link #waiting}.
   */
  private <T> T callAfterGrace(
      String operation, String containerName, int graceSeconds, Function<DockerClient, T> call) {
    if (graceSeconds < 0) {
      return calls.callWithoutDeadline(operation, containerName, () -> call.apply(waiting));
    }
    Duration grace = Duration.ofSeconds(graceSeconds);
    return calls.callAnsweredAfter(
        grace, operation, containerName, () -> call.apply(stopping(grace)));
  }

  /**
   * The client for a call the engine answers {@code grace} late: the prompt one on a unix socket,
   * where the answer deadline interrupts the call; over TCP one whose read timeout is the
   * deadline's limit plus the grace.
   */
  private DockerClient stopping(Duration grace) {
    if (interruptible(config)) {
      return docker;
    }
    return stopping.computeIfAbsent(
        grace, wait -> client(config, deadline.extendedBy(wait).limit()));
  }

  /**
   * A container that removes itself is waited for with {@code removed} on dockerd, where {@code
   * next-exit} could miss it; podman 4.3 answers {@code removed} with status 0 whatever the exit
   * status was, but keeps the status for {@code next-exit} through the removal.
   */
  @Override
  public int startAndWait(
      String containerId, String containerName, boolean removesItself, String cause) {
    return startAndWait(containerId, containerName, removesItself, cause, () -> () -> {});
  }

  /**
   * As {@link #startAndWait(String, String, boolean, String)}, starting {@code whileRunning} once
   * the container runs and closing what it returns when the container has exited.
   */
  private int startAndWait(
      String containerId,
      String containerName,
      boolean removesItself,
      String cause,
      Supplier<TerminalWindow.Registration> whileRunning) {
    boolean untilRemoved = removesItself && !isPodman();
    WaitContainerResultCallback exit =
        calls.call(
            "wait for container",
            containerName,
            () ->
                waiting
                    .waitContainerCmd(containerId)
                    .withCondition(
                        untilRemoved
                            ? WaitContainerCondition.REMOVED
                            : WaitContainerCondition.NEXT_EXIT)
                    .exec(new WaitContainerResultCallback()));
    try {
      exit.awaitStarted(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    startContainer(containerId, containerName, cause);
    TerminalWindow.Registration running = whileRunning.get();
    try {
      return calls.callWithoutDeadline("wait for container", containerName, exit::awaitStatusCode);
    } finally {
      running.close();
    }
  }

  @Override
  public void removeContainer(String containerId, String containerName, String cause) {
    try {
      calls.call(
          "remove container",
          containerName,
          () -> docker.removeContainerCmd(containerId).withForce(true).exec());
    } catch (EngineException e) {
      if (e.getCause() instanceof ConflictException conflict
          && String.valueOf(conflict.getMessage()).contains("already in progress")) {
        awaitRemoval(containerId, containerName);
      } else if (!(e.getCause() instanceof NotFoundException)) {
        throw e;
      }
    }
  }

  /**
   * A run killed while removing leaves the engine finishing that removal; the container is about to
   * be gone, which is what we want, but its name is only free once it is.
   */
  private void awaitRemoval(String containerId, String containerName) {
    try {
      calls.callWithoutDeadline(
          "wait for removal of container",
          containerName,
          () ->
              waiting
                  .waitContainerCmd(containerId)
                  .withCondition(WaitContainerCondition.REMOVED)
                  .start()
                  .awaitStatusCode());
    } catch (EngineException e) {
      if (!(e.getCause() instanceof NotFoundException)) {
        throw e;
      }
    }
  }

  @Override
  public void renameContainer(String containerId, String from, String to, String cause) {
    calls.call(
        "rename container", from, () -> docker.renameContainerCmd(containerId).withName(to).exec());
  }

  @Override
  public ExecResult exec(String containerName, ExecRequest request, String cause) {
    String execId =
        calls.call(
            "exec in container",
            containerName,
            () ->
                docker
                    .execCreateCmd(containerName)
                    .withCmd(request.command().toArray(String[]::new))
                    .withUser(request.user())
                    .withPrivileged(request.privileged() ? Boolean.TRUE : null)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId());
    OutputCollector output = new OutputCollector();
    // the command runs as long as it runs: only its creation and its exit code are bounded
    calls.callWithoutDeadline(
        "exec in container",
        containerName,
        () -> {
          try {
            return waiting.execStartCmd(execId).exec(output).awaitCompletion();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for exec", e);
          }
        });
    Long code =
        calls.call(
            "exec in container",
            containerName,
            () -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
    return new ExecResult(code == null ? -1 : code.intValue(), output.stdout(), output.stderr());
  }

  @Override
  public int runAttached(
      ContainerRequest request,
      @Nullable InputStream input,
      Consumer<String> output,
      TerminalWindow window,
      String cause) {
    String id = createContainer(request, cause);
    ResultCallback.Adapter<Frame> stream =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            output.accept(new String(frame.getPayload(), StandardCharsets.UTF_8));
          }
        };
    calls.call(
        "attach to container",
        request.name(),
        () -> {
          var attach =
              waiting
                  .attachContainerCmd(id)
                  .withStdOut(true)
                  .withStdErr(true)
                  .withFollowStream(true);
          if (input != null) {
            attach.withStdIn(input);
          }
          return attach.exec(stream);
        });
    try {
      // the attach must be in place before the start, or early output is lost
      stream.awaitStarted(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // the engine sizes a new TTY 0x0; like docker run -it, say the terminal's size once the
    // container runs, and again on each change
    boolean tty = request.spec().process().tty();
    int status =
        startAndWait(
            id,
            request.name(),
            request.spec().process().remove(),
            cause,
            () -> tty ? window.follow(() -> resizeTty(id, request.name(), window)) : () -> {});
    try {
      stream.awaitCompletion(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return status;
  }

  /**
   * Best effort: the session works at the engine's default size too, and a container that has just
   * exited can no longer be resized, which is no error.
   */
  private void resizeTty(String containerId, String containerName, TerminalWindow window) {
    window
        .size()
        .ifPresent(
            size -> {
              try {
                calls.call(
                    "resize the TTY of container",
                    containerName,
                    () ->
                        docker
                            .resizeContainerCmd(containerId)
                            .withSize(size.rows(), size.columns())
                            .exec());
              } catch (EngineException e) {
                LOG.debug("{}", e.getMessage(), e);
              }
            });
  }

  @Override
  public void close() {
    closeQuietly(docker);
    if (waiting != docker) {
      closeQuietly(waiting);
    }
    stopping.values().forEach(DockerJavaEngine::closeQuietly);
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException e) {
      // closing a connection pool cannot lose data; nothing useful to report
    }
  }
}
