package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A hung engine: the real dockerd, stopped with SIGSTOP, still accepts connections on its socket
 * and never answers. paunch gives up after {@code --engine-timeout} with a message that says so,
 * and works again once the engine does. A process in its own session continues the engine after a
 * few seconds whatever happens to this JVM or the build, so the engine is never left stopped.
 */
class HungEngineIT {

  private static final Path PID_FILE = Path.of("/var/run/docker.pid");
  private static final String SOCKET = "unix:///var/run/docker.sock";

  @Test
  void aCallTheEngineDoesNotAnswer_failsAfterTheTimeout_andTheNextRunWorks() throws Exception {
    String pid = localDockerd();
    try (EngineFixture engine = new EngineFixture()) {
      assertThat(engine.paunch("list", "--managed-by", engine.managedBy).exitCode()).isZero();

      // its own session, deaf to the signals that stop this build (Ctrl-C, a CI job's TERM)
      Process deadMan =
          new ProcessBuilder(
                  "setsid", "sh", "-c", "trap '' INT TERM HUP; sleep 8; kill -CONT " + pid)
              .inheritIO()
              .start();
      EngineFixture.Run hung;
      long started = System.nanoTime();
      try {
        assertThat(signal("kill -STOP " + pid).waitFor()).isZero();
        hung = engine.paunch("list", "--managed-by", engine.managedBy, "--engine-timeout", "1");
      } finally {
        signal("kill -CONT " + pid).waitFor();
        deadMan
            .destroy(); // the session's sleep ends by itself; its CONT then finds dockerd running
      }
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
