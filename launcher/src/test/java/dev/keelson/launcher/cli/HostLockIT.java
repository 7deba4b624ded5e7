package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.launcher.apply.HostLock;
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

/** Runs on one host take turns on the lock file, and say that they wait. */
class HostLockIT {

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();

  @AfterEach
  void removeOwnContainers() throws IOException {
    engine.close();
  }

  // The lock is held by the try block's extent; javac calls the resource unused.
  @SuppressWarnings("try")
  @Test
  void apply_whileAnotherRunHoldsTheLock_waitsThenApplies() throws Exception {
    String name = engine.name("locked");
    Path file = dir.resolve("config.yml");
    Files.writeString(
        file,
        name + ":\n  image: " + TestImages.busybox() + "\n  command: sleep 600\n",
        StandardCharsets.UTF_8);
    Path lockFile = dir.resolve("paunch.lock");

    DistPaunch.Started second;
    // This test plays the first run: it holds the lock while the second one starts.
    try (HostLock first = HostLock.acquire(lockFile, message -> {})) {
      second =
          DistPaunch.start(
              dir,
              "apply",
              "--file",
              file.toString(),
              "--config-id",
              "lock",
              "--managed-by",
              engine.managedBy,
              "--lock-file",
              lockFile.toString());
      DistPaunch.Started waiting = second;
      Eventually.await(
          "the second run to say it waits",
          Duration.ofSeconds(30),
          () -> waiting.errText().contains("waiting for " + lockFile));
      assertThat(second.process().isAlive()).isTrue();
      assertThat(engine.names()).as("nothing is created while the lock is held").isEmpty();
    }

    assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.process().exitValue()).as(second.errText()).isZero();
    assertThat(engine.names()).containsExactly(name);
  }

  @Test
  void delete_withTheLockFree_doesNotSayItWaits() throws Exception {
    EngineFixture.Run run =
        engine.paunch(
            "delete",
            "nothing-here",
            "--managed-by",
            engine.managedBy,
            "--lock-file",
            dir.resolve("free.lock").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("waiting for");
    assertThat(dir.resolve("free.lock")).exists();
  }
}
