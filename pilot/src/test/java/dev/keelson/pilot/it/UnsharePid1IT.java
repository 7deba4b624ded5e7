package dev.keelson.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged pilot as PID 1 of its own pid namespace ({@code unshare --pid --fork --mount-proc}):
 * tini's contract (exit codes, 128+N, 127/126, forwarding, reaping, byte-exact stdio) in plain
 * mode, and ContainerPilot's lifecycle with a config. Issue 5.
 */
@Timeout(120)
class UnsharePid1IT {

  private static final Duration EXIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private Pid1Run start(String... args) throws IOException {
    return Pid1Run.start(Map.of(), dir.resolve("stdout"), dir.resolve("stderr"), args);
  }

  private int run(String... args) throws Exception {
    try (Pid1Run pilot = start(args)) {
      return pilot.awaitExit(EXIT);
    }
  }

  private void awaitFile(Path file) {
    Eventually.await(
        file.getFileName() + " to exist", Duration.ofSeconds(20), () -> Files.exists(file));
  }

  private String stdout() throws IOException {
    return Files.readString(dir.resolve("stdout"));
  }

  private String stdoutText() {
    try {
      return stdout();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Every code 0–255 with {@code -Dpilot.it.allExitCodes=true} (about 70 s: one JVM each);
   * otherwise every code whose bits or meaning differ: 0–16, around 126–128+N and 250–255.
   */
  private static List<Integer> exitCodesToTest() {
    List<Integer> codes = new ArrayList<>();
    boolean all = Boolean.getBoolean("pilot.it.allExitCodes");
    for (int code = 0; code < 256; code++) {
      if (all || code <= 16 || (code >= 120 && code <= 145) || code == 192 || code >= 250) {
        codes.add(code);
      }
    }
    return codes;
  }

  @Test
  void exitCodes_0to255_passedThrough() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Integer> codes = exitCodesToTest();
      List<Future<Integer>> results = new ArrayList<>();
      for (int code : codes) {
        String script = "exit " + code;
        results.add(
            pool.submit(
                () -> {
                  Path out = Files.createTempFile(dir, "out", "");
                  try (Pid1Run pilot = Pid1Run.start(Map.of(), out, out, "sh", "-c", script)) {
                    return pilot.awaitExit(EXIT);
                  }
                }));
      }
      for (int index = 0; index < codes.size(); index++) {
        int code = codes.get(index);
        assertThat(results.get(index).get()).as("exit %d", code).isEqualTo(code);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signalDeath_is128PlusN() throws Exception {
    // not 3: processes started by a JDK 17 ProcessBuilder have SIGQUIT blocked
    // (docs/compatibility.md)
    for (int signal : new int[] {1, 2, 6, 9, 10, 12, 14, 15}) {
      assertThat(run("sh", "-c", "kill -" + signal + " $$"))
          .as("signal %d", signal)
          .isEqualTo(128 + signal);
    }
  }

  @Test
  void execFailures_127NotFound_126NotExecutable() throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("script"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(run("/no/such/program")).isEqualTo(127);
    assertThat(run("no-such-program-on-path")).isEqualTo(127);
    assertThat(run(notExecutable.toString())).isEqualTo(126);
    assertThat(Files.readString(dir.resolve("stderr")))
        .contains("exec " + notExecutable + " failed: permission denied");
  }

  @Test
  void sigterm_forwardedToApp_exitCodeIsTheApps() throws Exception {
    Path ready = dir.resolve("ready");
    try (Pid1Run pilot =
        start(
            "sh", "-c", "trap 'exit 42' TERM; touch " + ready + "; while :; do sleep 0.02; done")) {
      awaitFile(ready);
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isEqualTo(42);
    }
  }

  @Test
  void everyCatchableSignal_forwardedAndPilotSurvives() throws Exception {
    Path got = dir.resolve("got");
    Path ready = dir.resolve("ready");
    // numbers, so the test does not depend on the shell's signal names
    int[] signals = {1, 2, 10, 12, 13, 14, 18, 20, 23, 24, 25, 26, 27, 28, 29, 30};
    String[] names = {
      "HUP", "INT", "USR1", "USR2", "PIPE", "ALRM", "CONT", "TSTP", "URG", "XCPU", "XFSZ", "VTALRM",
      "PROF", "WINCH", "IO", "PWR"
    };
    StringBuilder traps = new StringBuilder();
    for (int signal : signals) {
      traps
          .append("trap 'echo ")
          .append(signal)
          .append(" >> ")
          .append(got)
          .append("' ")
          .append(signal)
          .append("; ");
    }
    String script = traps + "trap 'exit 0' TERM; touch " + ready + "; while :; do sleep 0.02; done";
    try (Pid1Run pilot = start("sh", "-c", script)) {
      awaitFile(ready);
      for (int i = 0; i < signals.length; i++) {
        pilot.signal(names[i]);
        String expected = Integer.toString(signals[i]);
        Eventually.await(
            "SIG" + names[i] + " reached the app",
            Duration.ofSeconds(10),
            () -> Files.exists(got) && readLines(got).contains(expected));
      }
      assertThat(pilot.process().isAlive()).isTrue();
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isZero();
    }
  }

  @Test
  void thousandOrphans_allReaped() throws Exception {
    Path done = dir.resolve("done");
    String script =
        "i=0; while [ $i -lt 1000 ]; do (true &); i=$((i+1)); done; touch "
            + done
            + "; exec sleep 60";
    try (Pid1Run pilot = start("sh", "-c", script)) {
      awaitFile(done);
      Eventually.await(
          "no zombie is left", Duration.ofSeconds(10), pilot::zombies, zombies -> zombies == 0);
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isEqualTo(143);
    }
  }

  @Test
  void orphanStorm_sigtermStillStopsTheApp() throws Exception {
    Path ready = dir.resolve("ready");
    String storm = "i=0; while [ $i -lt 2000 ]; do (true &); i=$((i+1)); done";
    String script = "trap 'exit 0' TERM; touch " + ready + "; while :; do " + storm + "; done";
    try (Pid1Run pilot = start("sh", "-c", script)) {
      awaitFile(ready);
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isZero();
    }
  }

  @Test
  void stdio_largeStdinAndStdout_byteExact() throws Exception {
    byte[] data = new byte[8 * 1024 * 1024];
    new Random(42).nextBytes(data);
    try (Pid1Run pilot = Pid1Run.startPiped(Map.of(), "cat")) {
      Process process = pilot.process();
      CompletableFuture<byte[]> output =
          CompletableFuture.supplyAsync(
              () -> {
                try (InputStream in = process.getInputStream()) {
                  return in.readAllBytes();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      try (OutputStream in = process.getOutputStream()) {
        in.write(data);
      }
      assertThat(pilot.awaitExit(EXIT)).isZero();
      assertThat(sha256(output.get())).isEqualTo(sha256(data));
    }
  }

  @Test
  void argvAndEnvironment_preserved() throws Exception {
    Map<String, String> env = Map.of("PILOT_IT_VAR", "a=b c=d \"q\" ü");
    String[] args = {
      "sh",
      "-c",
      "printf '<%s>' \"$@\"; printf '[%s]' \"$PILOT_IT_VAR\"",
      "zero",
      "a b",
      "",
      "ü",
      "\"q\"",
      "-config",
      "--"
    };
    try (Pid1Run pilot = Pid1Run.start(env, dir.resolve("stdout"), dir.resolve("stderr"), args)) {
      assertThat(pilot.awaitExit(EXIT)).isZero();
    }
    assertThat(stdout()).isEqualTo("<a b><><ü><\"q\"><-config><-->[a=b c=d \"q\" ü]");
  }

  @Test
  void config_hooksInOrder_appCodeWinsWhenPostStopSucceeds() throws Exception {
    Path order = dir.resolve("order");
    String config = config(order, "\"stopTimeout\": 5");
    int code = run("-config", config, "sh", "-c", "echo app >> " + order + "; exit 5");
    assertThat(code).isEqualTo(5);
    assertThat(readLines(order)).containsExactly("preStart", "app", "postStop");
  }

  @Test
  void config_sigterm_preStopThenAppThenPostStop() throws Exception {
    Path order = dir.resolve("order");
    Path ready = dir.resolve("ready");
    String app =
        "trap 'echo app-term >> "
            + order
            + "; exit 7' TERM; touch "
            + ready
            + "; while :; do sleep 0.02; done";
    try (Pid1Run pilot = start("-config", config(order, "\"stopTimeout\": 5"), "sh", "-c", app)) {
      awaitFile(ready);
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isEqualTo(7);
    }
    assertThat(readLines(order)).containsExactly("preStart", "preStop", "app-term", "postStop");
  }

  @Test
  void config_appIgnoresSigterm_sigkillAfterStopTimeout() throws Exception {
    Path ready = dir.resolve("ready");
    String app = "trap '' TERM; touch " + ready + "; while :; do sleep 0.02; done";
    try (Pid1Run pilot =
        start("-config", "{\"consul\": \"localhost:8500\", \"stopTimeout\": 1}", "sh", "-c", app)) {
      awaitFile(ready);
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isEqualTo(137);
    }
    assertThat(stdout()).contains("sending SIGKILL");
  }

  @Test
  void config_noApp_sigtermExits() throws Exception {
    try (Pid1Run pilot = start("-config", "{\"consul\": \"localhost:8500\"}")) {
      // a signal that arrives before the handlers are installed is dropped by the kernel (PID 1)
      Eventually.await(
          "the pilot is up", Duration.ofSeconds(20), () -> stdoutText().contains("no app command"));
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isZero();
    }
  }

  @Test
  void config_reloadUnderLoad_newHooksApply_invalidKeepsOld_termStillWorks() throws Exception {
    Path order = dir.resolve("order");
    Path file = dir.resolve("app.json");
    Files.writeString(
        file,
        "{\"consul\": \"localhost:8500\", \"preStop\": \"sh -c 'echo old >> " + order + "'\"}");
    Path ready = dir.resolve("ready");
    Path stop = dir.resolve("stop");
    Path stopped = dir.resolve("stopped");
    String load = "i=0; while [ $i -lt 50 ]; do (true &); i=$((i+1)); done; sleep 0.01";
    String app =
        "touch "
            + ready
            + "; while [ ! -e "
            + stop
            + " ]; do "
            + load
            + "; done; touch "
            + stopped
            + "; exec sleep 60";
    try (Pid1Run pilot = start("-config", "file://" + file, "sh", "-c", app)) {
      awaitFile(ready);
      Files.writeString(file, "{\"consul\": \"localhost:8500\", \"bogus\": 1}");
      pilot.signal("HUP");
      Eventually.await(
          "the invalid config was rejected",
          Duration.ofSeconds(20),
          () -> stdoutText().contains("could not reload config"));
      Files.writeString(
          file,
          "{\"consul\": \"localhost:8500\", \"preStop\": \"sh -c 'echo new >> " + order + "'\"}");
      // One HUP at a time: the kernel keeps one pending signal per kind, so HUPs sent faster than
      // they are delivered merge into one, which no PID 1 can tell apart.
      for (int i = 1; i <= 10; i++) {
        pilot.signal("HUP");
        int expected = i;
        Eventually.await(
            "reload " + expected + " finished",
            Duration.ofSeconds(20),
            () -> countOccurrences(stdoutText(), "configuration reloaded"),
            reloads -> reloads == expected);
      }
      Files.writeString(stop, "");
      awaitFile(stopped);
      Eventually.await(
          "no zombie is left", Duration.ofSeconds(10), pilot::zombies, zombies -> zombies == 0);
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isEqualTo(143);
    }
    assertThat(readLines(order)).containsExactly("new");
  }

  @Test
  void config_preStartFails_exitsWithItsCode_appNeverRuns() throws Exception {
    Path marker = dir.resolve("app-ran");
    int code =
        run(
            "-config",
            "{\"consul\": \"localhost:8500\", \"preStart\": \"sh -c 'exit 3'\"}",
            "touch",
            marker.toString());
    assertThat(code).isEqualTo(3);
    assertThat(marker).doesNotExist();
  }

  @Test
  void config_loggingBlock_jsonOnStderr_andReloadSwitchesToText() throws Exception {
    Path file = dir.resolve("app.json");
    Files.writeString(
        file,
        "{\"consul\": \"localhost:8500\", \"logging\": {\"level\": \"INFO\", \"format\": \"json\", \"output\": \"stderr\"}}");
    Path ready = dir.resolve("ready");
    try (Pid1Run pilot =
        start("-config", "file://" + file, "sh", "-c", "touch " + ready + "; exec sleep 60")) {
      awaitFile(ready);
      Files.writeString(
          file, "{\"consul\": \"localhost:8500\", \"logging\": {\"format\": \"text\"}}");
      pilot.signal("HUP");
      Eventually.await(
          "the reloaded text format on stdout",
          Duration.ofSeconds(20),
          () -> stdoutText().contains("level=info msg=\"configuration reloaded\""));
      pilot.signal("TERM");
      assertThat(pilot.awaitExit(EXIT)).isEqualTo(143);
    }
    assertThat(Files.readString(dir.resolve("stderr")))
        .containsPattern(
            "\\{\"level\":\"info\",\"msg\":\"reloading configuration\",\"time\":\"[0-9T:Z-]+\"\\}");
    assertThat(stdout()).contains("level=info msg=\"app ended: killed by signal 15\"");
  }

  private static String config(Path order, String extra) {
    return "{\"consul\": \"localhost:8500\", "
        + "\"preStart\": [\"sh\", \"-c\", \"echo preStart >> "
        + order
        + "\"], "
        + "\"preStop\": \"sh -c 'echo preStop >> "
        + order
        + "'\", "
        + "\"postStop\": \"sh -c 'echo postStop >> "
        + order
        + "'\", "
        + extra
        + "}";
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static int countOccurrences(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static String sha256(byte[] data) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
