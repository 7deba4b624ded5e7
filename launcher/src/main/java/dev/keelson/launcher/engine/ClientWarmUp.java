package dev.keelson.launcher.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import dev.keelson.launcher.observe.ObservedContainer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Readies the engine client on a second thread while the CLI parses its arguments and its config.
 *
 * <p>A short {@code paunch} run spends about as long loading and initialising docker-java, its HTTP
 * client and Jackson's deserialisers for the engine's answers as it does parsing its command line
 * and config file. The two do not depend on each other, so on a machine with a second core they can
 * overlap. Nothing here talks to an engine: it reads canned engine answers as the real reads do
 * ({@link JsonReads}, through the mapper every client shares), and builds a client that sends
 * nothing. Any failure is only logged at debug level: the real call path does the same work again
 * and reports its own errors.
 *
 * <p>The client's classes create SLF4J loggers, and slf4j-simple fixes its levels when the first
 * logger is made, so that part waits for {@link #loggingConfigured()}.
 */
public final class ClientWarmUp {

  /** A container as {@code GET /containers/json} lists it, with the fields paunch reads. */
  private static final String LISTED =
      "[{\"Id\":\"0\",\"Names\":[\"/warm-up\"],\"Image\":\"i\",\"ImageID\":\"sha256:0\","
          + "\"Command\":\"c\",\"Created\":0,\"State\":\"running\",\"Status\":\"Up\","
          + "\"Ports\":[],\"Labels\":{\"a\":\"b\"},\"HostConfig\":{\"NetworkMode\":\"default\"},"
          + "\"NetworkSettings\":{\"Networks\":{}},\"Mounts\":[]}]";

  /** An image as {@code GET /images/{name}/json} describes it (apply asks for each image). */
  private static final String IMAGE =
      "{\"Id\":\"sha256:0\",\"RepoTags\":[\"i:1\"],\"Config\":{\"Cmd\":[\"c\"]},\"Size\":1}";

  private static final CountDownLatch LOGGING_READY = new CountDownLatch(1);

  private static volatile boolean started;

  private ClientWarmUp() {}

  /** Starts the warm-up on a daemon thread, which never delays the JVM's exit. */
  public static void startInBackground() {
    started = true;
    Thread thread = new Thread(ClientWarmUp::run, "engine-client-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Logging is configured: the warm-up may now load classes that make loggers. SLF4J is started
   * here, on the caller's thread, so the warm-up never races its start (loggers made during it are
   * stand-ins, and their calls are replayed with a warning on stderr).
   */
  public static void loggingConfigured() {
    if (started) {
      // not otherwise: with --log-file, starting SLF4J creates the file, even for --version
      LoggerFactory.getILoggerFactory();
    }
    LOGGING_READY.countDown();
  }

  private static void run() {
    @Nullable Throwable failure = attempt(ClientWarmUp::readCannedAnswers);
    try {
      LOGGING_READY.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (failure == null) {
      failure = attempt(ClientWarmUp::buildUnusedClient);
    }
    if (failure != null) {
      LoggerFactory.getLogger(ClientWarmUp.class)
          .debug("warming up the engine client failed; the real call will say why", failure);
    }
  }

  /** Reads the canned answers as the engine's reads read them ({@link JsonReads}). */
  static void readCannedAnswers() throws IOException {
    ObjectMapper mapper = SharedMapperConfig.MAPPER;
    List<ObservedContainer> listed = JsonReads.containers(mapper.readTree(LISTED));
    JsonReads.ImageFacts image = JsonReads.imageFacts(mapper.readTree(IMAGE));
    if (listed.size() != 1
        || !listed.get(0).labels().equals(Map.of("a", "b"))
        || image.id().isEmpty()) {
      throw new IOException("the canned engine answers were not read back");
    }
  }

  /** The client {@link DockerJavaEngine#connect} builds, for the default address, never used. */
  private static void buildUnusedClient() throws IOException {
    try (DockerClient docker = DockerJavaEngine.client(DockerJavaEngine.clientConfig(null))) {
      // Creating a command (not running it) loads the command and its executor.
      docker.listContainersCmd().withShowAll(true);
    }
  }

  /** Runs {@code step}; whatever it throws is returned, since a warm-up must never fail paunch. */
  static @Nullable Throwable attempt(Step step) {
    try {
      step.run();
      return null;
    } catch (IOException | RuntimeException | Error e) {
      // an Error too (say, out of memory): on this thread it would otherwise be printed to stderr
      return e;
    }
  }

  @FunctionalInterface
  interface Step {
    void run() throws IOException;
  }
}
