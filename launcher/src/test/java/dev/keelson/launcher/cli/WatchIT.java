package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.Eventually;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paunch watch}: applies, survives a bad file, restarts what exited, stops on SIGTERM. */
class WatchIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void removeOwnContainers() throws IOException {
    engine.close();
  }

  private boolean running(String name) {
    try {
      return Boolean.TRUE.equals(engine.inspect(name).getState().getRunning());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Test
  void watch_badFileKeepsLastGoodConfig_exitedContainerRestarted_sigtermStops() throws Exception {
    String web = engine.name("wweb");
    Path file = dir.resolve("app.yml");
    Files.writeString(
        file,
        web
            + ":\n  image: "
            + TestImages.busybox()
            + "\n  command: sleep 600\n  stop_grace_period: 1\n",
        StandardCharsets.UTF_8);

    DistPaunch.Started watch =
        DistPaunch.start(
            dir,
            "watch",
            "--file",
            dir.resolve("*.yml").toString(),
            "--config-id",
            "watched",
            "--managed-by",
            engine.managedBy,
            "--interval",
            "200ms",
            "--lock-file",
            dir.resolve("lock").toString());
    try {
      Eventually.await("the watched container to run", WAIT, () -> running(web));
      String id = engine.inspect(web).getId();

      Files.writeString(file, web + ": {image: [unclosed\n", StandardCharsets.UTF_8);
      Eventually.await(
          "the bad file to be reported",
          WAIT,
          () -> watch.errText().contains("keeping the last good config"));
      assertThat(watch.errText()).contains("app.yml");

      engine.docker.stopContainerCmd(web).withTimeout(1).exec();
      Eventually.await("the exited container to be started again", WAIT, () -> running(web));
      assertThat(engine.inspect(web).getId()).as("started, not replaced").isEqualTo(id);
      assertThat(watch.process().isAlive()).isTrue();
    } finally {
      watch.process().destroy();
    }

    assertThat(watch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    // 143 = 128 + SIGTERM: the JVM's status after its shutdown hooks ran.
    assertThat(watch.process().exitValue()).as(watch.errText()).isEqualTo(143);
    assertThat(watch.errText()).contains("paunch: watch stopped");
  }
}
