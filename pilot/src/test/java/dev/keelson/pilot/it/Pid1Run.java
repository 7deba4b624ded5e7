package dev.keelson.pilot.it;

import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged pilot ({@code pilot/target/assembly/dist}) started as PID 1 of a fresh pid namespace
 * with {@code unshare --pid --fork --mount-proc}, observed from the host.
 */
final class Pid1Run implements AutoCloseable {

  private final Process unshare;
  private long pilotPid = -1;

  private Pid1Run(Process unshare) {
    this.unshare = unshare;
  }

  /** The checkout this build runs in (failsafe sets keelson.root). */
  static Path repositoryRoot() {
    return Path.of(System.getProperty("keelson.root", System.getProperty("user.dir") + "/.."));
  }

  static Path pilotBinary() {
    Path binary = repositoryRoot().resolve("pilot/target/assembly/dist/bin/pilot");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          binary + " is missing: integration tests run after 'package'");
    }
    return binary;
  }

  /** Starts {@code pilot args...}; stdin is /dev/null and output goes to the given files. */
  static Pid1Run start(Map<String, String> env, Path stdout, Path stderr, String... args)
      throws IOException {
    ProcessBuilder builder = command(env, args);
    builder.redirectInput(new java.io.File("/dev/null"));
    builder.redirectOutput(stdout.toFile());
    builder.redirectError(stderr.toFile());
    return new Pid1Run(builder.start());
  }

  /** Starts with pipes for stdin and stdout (stderr inherited). */
  static Pid1Run startPiped(Map<String, String> env, String... args) throws IOException {
    ProcessBuilder builder = command(env, args);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    return new Pid1Run(builder.start());
  }

  private static ProcessBuilder command(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc"));
    command.add(pilotBinary().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    return builder;
  }

  Process process() {
    return unshare;
  }

  /** The pilot's pid as the host sees it: the only child of unshare. */
  long pilotPid() {
    if (pilotPid < 0) {
      pilotPid =
          Eventually.await(
              "unshare forked the pilot",
              Duration.ofSeconds(10),
              () -> unshare.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(-1L),
              pid -> pid > 0);
    }
    return pilotPid;
  }

  /** Sends {@code signal} (e.g. {@code TERM}) to the pilot, i.e. to PID 1 of the namespace. */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-s", signal, Long.toString(pilotPid()))
            .redirectErrorStream(true)
            .start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException(
          "kill -s "
              + signal
              + " failed: "
              + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Waits for the pilot to exit and returns unshare's exit code, which is the pilot's. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!unshare.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      unshare.destroyForcibly();
      throw new AssertionError("the pilot did not exit within " + timeout);
    }
    return unshare.exitValue();
  }

  /** Zombies among the pilot's children right now (orphans it has not reaped). */
  int zombies() {
    return countZombieChildren(pilotPid());
  }

  /** Direct children of {@code pid} in state Z, read from the host's /proc. */
  static int countZombieChildren(long pid) {
    int zombies = 0;
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        String children;
        try {
          children = Files.readString(task.resolve("children")).trim();
        } catch (IOException e) {
          continue;
        }
        for (String child : children.isEmpty() ? new String[0] : children.split(" ")) {
          if (state(child) == 'Z') {
            zombies++;
          }
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return zombies;
  }

  private static char state(String pid) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2);
    } catch (IOException | StringIndexOutOfBoundsException e) {
      return '?';
    }
  }

  @Override
  public void close() {
    unshare.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    unshare.destroyForcibly();
  }
}
