package dev.keelson.launcher.engine;

import dev.keelson.launcher.observe.ObservedContainer;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The container engine as the launcher needs it, in our own types. Every method fails with an
 * {@link EngineException} naming the operation and the container; mutating methods take the cause
 * of the action that asked for them, so that an audit decorator can log why.
 */
public interface ContainerEngine extends AutoCloseable {

  /** Every container on the engine, running or not, newest first; exit codes are not filled. */
  List<ObservedContainer> listContainers();

  /** The exit code of a stopped container; empty when it is running or unknown. */
  OptionalInt exitCode(String containerId);

  /** Name, image, command and status, as {@code paunch list} shows them. */
  Optional<ContainerDetails> inspect(String containerId);

  boolean imageExists(String image);

  /** The id ({@code sha256:...}) {@code image} resolves to now; empty when it is not present. */
  Optional<String> imageId(String image);

  void pullImage(String image, String cause);

  /**
   * The digest of the manifest a registry serves for {@code image} now, asked without pulling;
   * empty when it cannot be told (the registry refuses or lacks the tag, or the engine lacks the
   * call).
   */
  Optional<String> registryDigest(String image);

  /**
   * The manifest digests ({@code sha256:...}) {@code image} (a reference or an image id) was pulled
   * or pushed as, from its {@code RepoDigests}; none for an image only built here, or absent.
   */
  Set<String> localDigests(String image);

  /**
   * Checks that the request maps onto the engine API without contacting the engine, so that bad
   * values are reported before anything changes.
   */
  void check(ContainerRequest request);

  /** Creates the container (not started); returns its id. */
  String createContainer(ContainerRequest request, String cause);

  void startContainer(String containerId, String containerName, String cause);

  /**
   * Starts a created container and blocks until it exits; returns its exit status. The wait is in
   * place before the start, so a container that exits at once (or removes itself, {@code remove:
   * true}) is still seen.
   */
  int startAndWait(String containerId, String containerName, boolean removesItself, String cause);

  /** Force-removes the container, running or not (paunch's {@code docker rm -f}). */
  void removeContainer(String containerId, String containerName, String cause);

  void renameContainer(String containerId, String from, String to, String cause);

  /** Runs a command in a running container and waits for it. */
  ExecResult exec(String containerName, ExecRequest request, String cause);

  /**
   * Creates and starts a container, streams its output to {@code output} until it exits, and
   * returns its exit status ({@code debug --action run}). With {@code input}, the container's stdin
   * is attached to it as well ({@code --interactive}); the request must keep stdin open. A TTY is
   * given {@code window}'s size, and follows it as it changes.
   */
  int runAttached(
      ContainerRequest request,
      @Nullable InputStream input,
      Consumer<String> output,
      TerminalWindow window,
      String cause);

  /**
   * Stops a running container with its stop signal, killing it after {@code graceSeconds}; the call
   * may take that long before the engine answers. A negative grace is the container's own (never
   * killed), waited for without a limit.
   */
  void stopContainer(String containerId, String containerName, int graceSeconds, String cause);

  void killContainer(String containerId, String containerName, String cause);

  /** Stops (as {@link #stopContainer}) and starts the container; starts a stopped one. */
  void restartContainer(String containerId, String containerName, int graceSeconds, String cause);

  /** The engine's address, for messages. */
  String address();

  @Override
  void close();
}
