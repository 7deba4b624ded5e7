package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keelson.testkit.Eventually;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hung engine: the real dockerd, stopped with SIGSTOP, still accepts connections on its socket
 * and never answers. paunch gives up after {@code --engine-timeout} with a message that says so,
 * and works again once the engine does; over its unix socket and over TCP (through a relay, as a
 * host with {@code DOCKER_HOST=tcp://...} reaches it).
 */
class HungEngineIT {

  private static final Path PID_FILE = Path.of("/var/run/docker.pid");
  private static final String SOCKET = "unix:///var/run/docker.sock";

  @Test
  void aCallTheEngineDoesNotAnswer_failsAfterTheTimeout_andTheNextRunWorks() throws Exception {
    String pid = localDockerd();
    try (EngineFixture engine = new EngineFixture()) {
      assertThat(engine.paunch("list", "--managed-by", engine.managedBy).exitCode()).isZero();

      long started = System.nanoTime();
      EngineFixture.Run hung =
          whileStopped(
              pid,
              () ->
                  engine.paunch("list", "--managed-by", engine.managedBy, "--engine-timeout", "1"));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(hung.exitCode()).isEqualTo(1);
      assertThat(hung.err())
          .contains(
              "list containers: no answer from the Docker engine at " + SOCKET + " within 1 s")
          .doesNotContain("Exception");
      assertThat(tookMillis).as("paunch gave up before the engine was continued").isLessThan(8000);
      assertThat(engine.paunch("list", "--managed-by", engine.managedBy).exitCode())
          .as("the next run, with the engine answering again")
          .isZero();
    }
  }

  /**
   * Over TCP an interrupt does not end a blocked read, so there the limit is the socket's read
   * timeout; calls that wait longer than the limit by design (a {@code detach: false} container's
   * exit, a stop that lasts the container's grace period) must not be cut by it.
   */
  @Test
  void overTcp_aCallTheEngineDoesNotAnswer_failsAfterTheTimeout_butWaitsAreNotCut(@TempDir Path dir)
      throws Exception {
    String pid = localDockerd();
    try (EngineFixture engine = new EngineFixture();
        UnixSocketRelay relay =
            new UnixSocketRelay(Path.of(SOCKET.substring("unix://".length())))) {
      Map<String, String> overTcp = Map.of("DOCKER_HOST", relay.address());
      // sleep as PID 1 ignores SIGTERM: stopping it takes its whole grace period
      Path config =
          Files.writeString(
              dir.resolve("slow.yaml"),
              engine.name("once")
                  + ":\n  image: "
                  + TestImages.busybox()
                  + "\n  command: [sleep, \"5\"]\n  detach: false\n"
                  + engine.name("slow-stop")
                  + ":\n  image: "
                  + TestImages.busybox()
                  + "\n  command: [sleep, \"600\"]\n  stop_grace_period: 5\n",
              StandardCharsets.UTF_8);
      // 2 s rather than 1: a start on a loaded machine can take a second
      List<String> common =
          List.of("--config-id", "hung", "--managed-by", engine.managedBy, "--engine-timeout", "2");

      DistPaunch.Started applied =
          runToEnd(dir, overTcp, common, "apply", "--file", config.toString());
      assertThat(applied.process().exitValue()).as(applied.errText()).isZero();
      assertThat(engine.inspect(engine.name("once")).getState().getExitCodeLong())
          .as("the container ran its 5 s to the end")
          .isZero();
      DistPaunch.Started stopped = runToEnd(dir, overTcp, common, "state", "stopped");
      assertThat(stopped.process().exitValue()).as(stopped.errText()).isZero();
      assertThat(engine.inspect(engine.name("slow-stop")).getState().getRunning())
          .as("stopped after its 5 s grace period")
          .isFalse();

      long started = System.nanoTime();
      DistPaunch.Started hung =
          whileStopped(
              pid,
              () ->
                  runToEnd(
                      dir,
                      overTcp,
                      List.of("--managed-by", engine.managedBy, "--engine-timeout", "1"),
                      "list"));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(hung.process().exitValue()).as(hung.outText() + hung.errText()).isEqualTo(1);
      assertThat(hung.errText())
          .contains(
              "list containers: no answer from the Docker engine at "
                  + relay.address()
                  + " within 1 s")
          .doesNotContain("Exception");
      assertThat(tookMillis).as("paunch gave up before the engine was continued").isLessThan(8000);
    }
  }

  /**
   * A stop the engine never answers: paunch passes the container's grace period with the stop, so
   * it knows the answer is due within that plus the limit, and gives up then; over the unix socket
   * (interrupted) and over TCP (a read timeout covering the grace too).
   */
  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void aStopTheEngineDoesNotAnswer_failsAfterTheGracePeriodAndTheTimeout(
      String transport, @TempDir Path dir) throws Exception {
    String pid = localDockerd();
    Path shared = Files.createDirectories(dir.resolve("shared"));
    try (EngineFixture engine = new EngineFixture();
        UnixSocketRelay relay =
            new UnixSocketRelay(Path.of(SOCKET.substring("unix://".length())))) {
      Map<String, String> environment =
          transport.equals("tcp") ? Map.of("DOCKER_HOST", relay.address()) : Map.of();
      String address = transport.equals("tcp") ? relay.address() : SOCKET;
      // each container says when its stop has begun, then ignores it for its grace period, which
      // leaves 4 s to stop dockerd before it would answer, and 3 s before the dead man continues
      // it;
      // one is stopped at a time (--parallel 1), so the second is never reached
      StringBuilder yaml = new StringBuilder();
      for (String name :
          List.of(engine.name("deaf-" + transport), engine.name("deaf2-" + transport))) {
        yaml.append(name)
            .append(":\n  image: ")
            .append(TestImages.busybox())
            .append("\n  command: [sh, -c, \"trap 'touch /shared/term' TERM;")
            .append(" while true; do sleep 0.1; done\"]")
            .append("\n  stop_grace_period: 4\n  volumes: ['")
            .append(shared)
            .append(":/shared']\n");
      }
      Path config = Files.writeString(dir.resolve("deaf.yaml"), yaml, StandardCharsets.UTF_8);
      List<String> common = List.of("--config-id", "deaf", "--managed-by", engine.managedBy);
      DistPaunch.Started applied =
          runToEnd(dir, environment, common, "apply", "--file", config.toString());
      assertThat(applied.process().exitValue()).as(applied.errText()).isZero();

      List<String> args =
          new ArrayList<>(List.of("state", "stopped", "--engine-timeout", "1", "--parallel", "1"));
      args.addAll(common);
      DistPaunch.Started stopping = DistPaunch.start(dir, environment, args.toArray(String[]::new));
      try {
        Eventually.await(
            "the container got the stop's SIGTERM",
            Duration.ofSeconds(30),
            () -> Files.exists(shared.resolve("term")));
        long started = System.nanoTime();
        boolean ended = whileStopped(pid, () -> stopping.process().waitFor(30, TimeUnit.SECONDS));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(ended).as("paunch state stopped ended").isTrue();
        assertThat(stopping.process().exitValue()).as(stopping.errText()).isEqualTo(1);
        assertThat(stopping.errText())
            .containsPattern(
                "stop container [^ ]*deaf2?-"
                    + transport
                    + "[^ ]*: no answer from the Docker engine at "
                    + Pattern.quote(address)
                    + " within 5 s")
            .contains("the engine stopped answering; the rest of the run was skipped")
            .doesNotContain("Exception");
        assertThat(stopping.outText())
            .as("the run still ends with its summary")
            .endsWith("1 action failed, 1 action skipped.\n");
        assertThat(tookMillis)
            .as("paunch gave up before the engine was continued")
            .isLessThan(8000);
      } finally {
        stopping.process().destroyForcibly();
      }
    }
  }

  /**
   * The packaged paunch, {@code words} then {@code options}, run to its end (killed after a
   * minute).
   */
  private static DistPaunch.Started runToEnd(
      Path dir, Map<String, String> environment, List<String> options, String... words)
      throws Exception {
    List<String> args = new ArrayList<>(List.of(words));
    args.addAll(options);
    DistPaunch.Started run = DistPaunch.start(dir, environment, args.toArray(String[]::new));
    try {
      assertThat(run.process().waitFor(60, TimeUnit.SECONDS))
          .as("paunch " + args + " ended")
          .isTrue();
    } finally {
      run.process().destroyForcibly();
    }
    return run;
  }

  /**
   * Runs {@code body} while dockerd is stopped. A process in its own session, deaf to the signals
   * that stop this build (Ctrl-C, a CI job's TERM), continues dockerd after 8 s whatever happens to
   * this JVM, unless its arming file is gone by then; dockerd is continued at once when {@code
   * body} ends, and the file removed, so that a later test's stop is not ended early by it.
   */
  private static <T> T whileStopped(String pid, Callable<T> body) throws Exception {
    Path armed = Files.createTempFile("hung-engine-dead-man", "");
    new ProcessBuilder(
            "setsid",
            "sh",
            "-c",
            "trap '' INT TERM HUP; sleep 8; if [ -e \"$0\" ]; then kill -CONT "
                + pid
                + "; rm -f \"$0\"; fi",
            armed.toString())
        .inheritIO()
        .start();
    try {
      assertThat(signal("kill -STOP " + pid).waitFor()).isZero();
      return body.call();
    } finally {
      signal("kill -CONT " + pid).waitFor();
      Files.deleteIfExists(armed);
    }
  }

  /** dockerd's pid, when this test may stop it: the local socket, run as root. */
  private static String localDockerd() throws IOException {
    String host = System.getenv("DOCKER_HOST");
    assumeTrue(host == null || host.equals(SOCKET), "the engine is not the local dockerd");
    assumeTrue(System.getenv("DOCKER_CONTEXT") == null, "a docker context may name another engine");
    assumeTrue("root".equals(System.getProperty("user.name")), "signals dockerd, so needs root");
    assumeTrue(Files.isReadable(PID_FILE), "dockerd wrote no " + PID_FILE);
    String pid = Files.readString(PID_FILE, StandardCharsets.UTF_8).trim();
    Path comm = Path.of("/proc", pid, "comm");
    assumeTrue(
        Files.isReadable(comm)
            && Files.readString(comm, StandardCharsets.UTF_8).trim().equals("dockerd"),
        PID_FILE + " names no running dockerd");
    return pid;
  }

  private static Process signal(String shell) throws IOException {
    return new ProcessBuilder("sh", "-c", shell).inheritIO().start();
  }
}
