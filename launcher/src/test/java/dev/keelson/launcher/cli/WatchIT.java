package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.keelson.testkit.Eventually;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** app.yml with one busybox entry {@code name} running sleep, plus {@code moreKeys}. */
  private Path writeEntry(String name, String moreKeys) throws IOException {
    return Files.writeString(
        dir.resolve("app.yml"),
        name + ":\n  image: " + TestImages.busybox() + "\n  command: sleep 600\n" + moreKeys,
        StandardCharsets.UTF_8);
  }

  /** {@code paunch watch} of {@code files} every 200 ms, with this test's owner and lock file. */
  private DistPaunch.Started startWatch(
      Path files, String configId, Map<String, String> environment, String... more)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "watch",
                "--file",
                files.toString(),
                "--config-id",
                configId,
                "--managed-by",
                engine.managedBy,
                "--interval",
                "200ms",
                "--lock-file",
                dir.resolve("lock").toString()));
    args.addAll(List.of(more));
    return DistPaunch.start(dir, environment, args.toArray(String[]::new));
  }

  private static final Pattern ROUND_DONE = Pattern.compile("watch round (\\d+) done");

  /** The number of rounds done so far, from the {@code -vv} log. */
  private static int roundsDone(DistPaunch.Started watch) {
    Matcher done = ROUND_DONE.matcher(watch.errText());
    int last = 0;
    while (done.find()) {
      last = Integer.parseInt(done.group(1));
    }
    return last;
  }

  /** Waits until {@code more} rounds have ended after the last one that has (needs -vv). */
  private static void awaitRounds(DistPaunch.Started watch, int more) {
    int target = roundsDone(watch) + more;
    Eventually.await("watch round " + target, WAIT, () -> roundsDone(watch) >= target);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void watch_badFileKeepsLastGoodConfig_exitedContainerRestarted_sigtermStops() throws Exception {
    String web = engine.name("wweb");
    Path file = writeEntry(web, "  stop_grace_period: 1\n");

    DistPaunch.Started watch = startWatch(dir.resolve("*.yml"), "watched", Map.of());
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

  @Test
  void watch_syslog_sendsEveryLineWithItsPriority() throws Exception {
    String web = engine.name("wlog");
    Path file = writeEntry(web, "");
    Path socket = dir.resolve("syslog.sock");
    try (SyslogReceiver syslog = new SyslogReceiver(socket)) {
      DistPaunch.Started watch =
          startWatch(file, "logged", Map.of("PAUNCH_SYSLOG_SOCKET", socket.toString()), "--syslog");
      try {
        // <30>: facility daemon (3 x 8) + severity info (6), what stdout shows
        Eventually.await(
            "the apply's summary in syslog",
            WAIT,
            () -> syslog.text().contains("created 1 container."));
        assertThat(syslog.text())
            .containsPattern(
                "<30>.* paunch\\[" + watch.process().pid() + "\\]: created 1 container.");

        Files.writeString(file, web + ": {image: [unclosed\n", StandardCharsets.UTF_8);
        // <28>: daemon + warning (4), what stderr shows
        Eventually.await(
            "the bad file in syslog",
            WAIT,
            () -> syslog.text().contains("keeping the last good config"));
        assertThat(syslog.text())
            .containsPattern(
                "<28>.* paunch\\[\\d+\\]: error: "
                    + Pattern.quote(file.toString())
                    + ":2:1: YAML syntax error")
            .containsPattern("<28>.* paunch: keeping the last good config");
      } finally {
        watch.process().destroy();
      }
      assertThat(watch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(watch.outText()).as("stdout as without --syslog").contains("created 1 container.");
    }
  }

  @Test
  void watch_manifest_isAppliedOnTheEngine() throws Exception {
    String web = engine.name("mweb");
    Path file =
        Files.writeString(
            dir.resolve("pod.yml"),
            "version: v1beta1\ncontainers:\n  - name: "
                + web
                + "\n    image: "
                + TestImages.busybox()
                + "\n    command: [sleep, '600']\n    workingDir: /tmp\n",
            StandardCharsets.UTF_8);

    DistPaunch.Started watch = startWatch(file, "manifest", Map.of());
    try {
      Eventually.await("the manifest's container to run", WAIT, () -> running(web));
      assertThat(engine.inspect(web).getConfig().getWorkingDir()).isEqualTo("/tmp");
      assertThat(engine.inspect(web).getHostConfig().getRestartPolicy().getName())
          .isEqualTo("always");
    } finally {
      watch.process().destroy();
    }
    assertThat(watch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(watch.errText()).doesNotContain("error:");
  }

  @Test
  void watch_roundThatFailsUnexpectedly_isReportedAndTheLoopGoesOn() throws Exception {
    String web = engine.name("wlock");
    String db = engine.name("wlock2");
    Path file = writeEntry(web, "");
    Path locks = dir.resolve("locks");

    DistPaunch.Started watch =
        DistPaunch.start(
            dir,
            "watch",
            "--file",
            file.toString(),
            "--config-id",
            "unlockable",
            "--managed-by",
            engine.managedBy,
            "--interval",
            "200ms",
            "--lock-file",
            locks.resolve("lock").toString());
    try {
      Eventually.await("the watched container to run", WAIT, () -> running(web));
      // Root may write anywhere; a regular file where the lock's directory was stops it too.
      Files.delete(locks.resolve("lock"));
      Files.delete(locks);
      Files.writeString(locks, "not a directory\n", StandardCharsets.UTF_8);
      Eventually.await(
          "the lock failure to be reported",
          WAIT,
          () -> watch.errText().contains("paunch: cannot lock " + locks.resolve("lock")));

      Files.delete(locks);
      Files.writeString(
          file,
          Files.readString(file, StandardCharsets.UTF_8)
              + db
              + ":\n  image: "
              + TestImages.busybox()
              + "\n  command: sleep 600\n",
          StandardCharsets.UTF_8);
      Eventually.await("a later round to apply the change", WAIT, () -> running(db));
      assertThat(watch.process().isAlive()).isTrue();
    } finally {
      watch.process().destroy();
    }
    assertThat(watch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(watch.process().exitValue()).as(watch.errText()).isEqualTo(143);
  }

  @Test
  void watch_configWarning_printedOnceWhileItStays() throws Exception {
    String web = engine.name("wwarn");
    writeEntry(web, "  colour: blue\n");

    DistPaunch.Started watch = startWatch(dir.resolve("app.yml"), "warned", Map.of(), "-vv");
    try {
      Eventually.await("the watched container to run", WAIT, () -> running(web));
      awaitRounds(watch, 3);

      assertThat(watch.errText())
          .containsOnlyOnce("warning: ")
          .contains("app.yml:4:11: " + web + ".colour: unknown key, ignored");
    } finally {
      watch.process().destroy();
    }
    assertThat(watch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * A config with a detached service, a {@code detach: false, remove: true} job and an exec entry,
   * each of the last two appending {@code word} to a file in {@code shared}.
   */
  private String oneShots(String service, String job, Path shared, String word) {
    String image = TestImages.busybox();
    return service
        + ":\n  image: "
        + image
        + "\n  command: sleep 600\n  volumes: ['"
        + shared
        + ":/shared']\n"
        + job
        + ":\n  image: "
        + image
        + "\n  detach: false\n  remove: true\n  command: [sh, -c, 'echo "
        + word
        + " >> /shared/jobs']\n  volumes: ['"
        + shared
        + ":/shared']\n"
        + job
        + "-exec:\n  action: exec\n  start_order: 1\n  command: ["
        + service
        + ", sh, -c, 'echo "
        + word
        + " >> /shared/execs']\n";
  }

  @Test
  void watch_oneShotEntries_runOnceUntilTheConfigChanges() throws Exception {
    String service = engine.name("wsvc");
    String job = engine.name("wjob");
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Path file = dir.resolve("app.yml");
    Files.writeString(file, oneShots(service, job, shared, "first"), StandardCharsets.UTF_8);
    Path jobs = shared.resolve("jobs");
    Path execs = shared.resolve("execs");

    DistPaunch.Started watch = startWatch(file, "oneshots", Map.of(), "-vv");
    try {
      Eventually.await("the first round's exec", WAIT, () -> !lines(execs).isEmpty());
      awaitRounds(watch, 1);
      String firstOut = watch.outText();
      awaitRounds(watch, 4);

      assertThat(lines(jobs)).containsExactly("first");
      assertThat(lines(execs)).containsExactly("first");
      assertThat(watch.outText())
          .as("rounds that change nothing print nothing")
          .isEqualTo(firstOut);

      Files.writeString(file, oneShots(service, job, shared, "second"), StandardCharsets.UTF_8);
      Eventually.await("the changed config's exec", WAIT, () -> lines(execs).size() == 2);
      awaitRounds(watch, 4);

      assertThat(lines(jobs)).containsExactly("first", "second");
      assertThat(lines(execs)).containsExactly("first", "second");

      // the service's container goes: the round that makes it again runs the exec into it again
      engine.docker.removeContainerCmd(engine.inspect(service).getId()).withForce(true).exec();
      Eventually.await("the exec into the new container", WAIT, () -> lines(execs).size() == 3);
      awaitRounds(watch, 2);

      assertThat(lines(execs)).containsExactly("first", "second", "second");
      assertThat(lines(jobs))
          .as("the job did not need the service")
          .containsExactly("first", "second");
    } finally {
      watch.process().destroy();
    }
    assertThat(watch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * A round whose pull failed skipped the rest of its plan, its one-shot job too: it does not count
   * as applied, so the job runs in the round whose pull works, though the config is the same.
   */
  @Test
  void watch_roundWhosePullFailed_runsItsOneShotsOnceThePullWorks() throws Exception {
    assumeThat(Files.isExecutable(LocalRegistry.BINARY)).isTrue();
    try (LocalRegistry registry = LocalRegistry.start(dir)) {
      String repository = registry.host() + "/keelson-it-" + engine.suffix + "/busybox";
      try {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Path jobs = shared.resolve("jobs");
        Path file =
            Files.writeString(
                dir.resolve("app.yml"),
                engine.name("wpjob")
                    + ":\n  image: "
                    + repository
                    + ":1\n  detach: false\n  remove: true\n"
                    + "  command: [sh, -c, 'echo ran >> /shared/jobs']\n  volumes: ['"
                    + shared
                    + ":/shared']\n",
                StandardCharsets.UTF_8);

        DistPaunch.Started watch = startWatch(file, "pullfail", Map.of(), "-vv");
        try {
          awaitRounds(watch, 2);

          assertThat(watch.errText()).contains("pull image:" + repository + ":1 failed");
          assertThat(lines(jobs)).isEmpty();

          // frozen while the image is pushed: the push tags it on the engine for a moment, and a
          // round planning then would take it as present, plan no pull, and fail to create
          signal(watch, "STOP");
          try {
            registry.push(engine.docker, TestImages.busybox(), repository, "1");
          } finally {
            signal(watch, "CONT");
          }
          Eventually.await(
              "the job, once its image can be pulled", WAIT, () -> !lines(jobs).isEmpty());
          awaitRounds(watch, 3);

          assertThat(lines(jobs)).containsExactly("ran");
        } finally {
          watch.process().destroy();
        }
        assertThat(watch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        LocalRegistry.removeImagesOf(engine.docker, repository);
      }
    }
  }

  /**
   * Sends SIGSTOP or SIGCONT to the watching JVM (bin/paunch execs java, so the pid is its own).
   */
  private static void signal(DistPaunch.Started watch, String name) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + name, String.valueOf(watch.process().pid()))
            .inheritIO()
            .start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -" + name).isZero();
  }
}
