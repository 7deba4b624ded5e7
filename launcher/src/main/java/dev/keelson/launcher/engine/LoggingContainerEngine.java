package dev.keelson.launcher.engine;

import dev.keelson.launcher.observe.ObservedContainer;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every mutating engine call with the cause of the action behind it, at DEBUG, for success and
 * failure alike (paunch logged each docker command at DEBUG); reads pass through unlogged.
 */
public final class LoggingContainerEngine implements ContainerEngine {

  private static final Logger LOG = LoggerFactory.getLogger("paunch.engine");

  private final ContainerEngine delegate;

  public LoggingContainerEngine(ContainerEngine delegate) {
    this.delegate = delegate;
  }

  private <T> T logged(String call, String cause, Supplier<T> body) {
    try {
      T result = body.get();
      LOG.debug("{} ({}): done", call, cause);
      return result;
    } catch (RuntimeException e) {
      LOG.debug("{} ({}): failed: {}", call, cause, e.getMessage());
      throw e;
    }
  }

  private void logged(String call, String cause, Runnable body) {
    logged(
        call,
        cause,
        () -> {
          body.run();
          return Boolean.TRUE;
        });
  }

  @Override
  public List<ObservedContainer> listContainers() {
    return delegate.listContainers();
  }

  @Override
  public OptionalInt exitCode(String containerId) {
    return delegate.exitCode(containerId);
  }

  @Override
  public Optional<ContainerDetails> inspect(String containerId) {
    return delegate.inspect(containerId);
  }

  @Override
  public boolean imageExists(String image) {
    return delegate.imageExists(image);
  }

  @Override
  public Optional<String> imageId(String image) {
    return delegate.imageId(image);
  }

  @Override
  public Optional<String> registryDigest(String image) {
    return delegate.registryDigest(image);
  }

  @Override
  public Set<String> localDigests(String image) {
    return delegate.localDigests(image);
  }

  @Override
  public void pullImage(String image, String cause) {
    logged("pull " + image, cause, () -> delegate.pullImage(image, cause));
  }

  @Override
  public void check(ContainerRequest request) {
    delegate.check(request);
  }

  @Override
  public String createContainer(ContainerRequest request, String cause) {
    return logged(
        "create " + request.name() + " from " + request.spec().image(),
        cause,
        () -> delegate.createContainer(request, cause));
  }

  @Override
  public void startContainer(String containerId, String containerName, String cause) {
    logged(
        "start " + containerName,
        cause,
        () -> delegate.startContainer(containerId, containerName, cause));
  }

  @Override
  public void stopContainer(
      String containerId, String containerName, int graceSeconds, String cause) {
    logged(
        "stop " + containerName,
        cause,
        () -> delegate.stopContainer(containerId, containerName, graceSeconds, cause));
  }

  @Override
  public void killContainer(String containerId, String containerName, String cause) {
    logged(
        "kill " + containerName,
        cause,
        () -> delegate.killContainer(containerId, containerName, cause));
  }

  @Override
  public void restartContainer(
      String containerId, String containerName, int graceSeconds, String cause) {
    logged(
        "restart " + containerName,
        cause,
        () -> delegate.restartContainer(containerId, containerName, graceSeconds, cause));
  }

  @Override
  public int startAndWait(
      String containerId, String containerName, boolean removesItself, String cause) {
    return logged(
        "start " + containerName + " and wait for it",
        cause,
        () -> delegate.startAndWait(containerId, containerName, removesItself, cause));
  }

  @Override
  public void removeContainer(String containerId, String containerName, String cause) {
    logged(
        "remove " + containerName,
        cause,
        () -> delegate.removeContainer(containerId, containerName, cause));
  }

  @Override
  public void renameContainer(String containerId, String from, String to, String cause) {
    logged(
        "rename " + from + " to " + to,
        cause,
        () -> delegate.renameContainer(containerId, from, to, cause));
  }

  @Override
  public ExecResult exec(String containerName, ExecRequest request, String cause) {
    return logged(
        "exec " + request.command() + " in " + containerName,
        cause,
        () -> delegate.exec(containerName, request, cause));
  }

  @Override
  public int runAttached(
      ContainerRequest request,
      @Nullable InputStream input,
      Consumer<String> output,
      TerminalWindow window,
      String cause) {
    return logged(
        "run " + request.name() + " attached",
        cause,
        () -> delegate.runAttached(request, input, output, window, cause));
  }

  @Override
  public String address() {
    return delegate.address();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
