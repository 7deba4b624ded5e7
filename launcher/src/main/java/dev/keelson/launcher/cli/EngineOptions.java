package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.engine.AnswerDeadline;
import dev.keelson.launcher.engine.EngineRuntime;
import dev.keelson.launcher.engine.PullListener;
import dev.keelson.launcher.observe.Labels;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --managed-by} and {@code --default-runtime}, shared by every command. */
final class EngineOptions {

  /** A day, in seconds: beyond it a limit is no limit (and its nanoseconds overflow far later). */
  private static final long LONGEST_TIMEOUT = 86_400;

  @Option(
      names = "--managed-by",
      paramLabel = "<name>",
      description = "Owner label of the containers to act on (default: ${DEFAULT-VALUE}).")
  String managedBy = Labels.DEFAULT_MANAGED_BY;

  @Spec(Spec.Target.MIXEE)
  @Nullable CommandSpec command;

  String runtime = "docker";

  /** argparse's {@code choices}: anything but docker or podman is a usage error (exit 2). */
  @Option(
      names = "--default-runtime",
      paramLabel = "<runtime>",
      defaultValue = "docker",
      description =
          "docker (DOCKER_HOST or /var/run/docker.sock) or podman (its Docker-compatible API:"
              + " DOCKER_HOST, else /run/podman/podman.sock for root,"
              + " $XDG_RUNTIME_DIR/podman/podman.sock otherwise) (default: ${DEFAULT-VALUE}).")
  void runtime(String value) {
    if (EngineRuntime.named(value).isEmpty()) {
      throw new ParameterException(
          Cli.spec(command).commandLine(),
          "argument --default-runtime: invalid choice: '"
              + value
              + "' (choose from 'docker', 'podman')");
    }
    runtime = value;
  }

  @Option(
      names = "--engine-timeout",
      paramLabel = "<seconds>",
      description =
          "Give up on an engine call that has had no answer for this long; waits for a container,"
              + " pulls, exec and stops take as long as they take (default: ${DEFAULT-VALUE}).")
  long engineTimeout = AnswerDeadline.DEFAULT.toSeconds();

  /**
   * Opens the engine. paunch 4.3.0 defaulted to podman and drove its CLI; we speak the Docker
   * Engine API to both, so docker stays the default (switching tools must change nothing on a
   * docker host) and podman is reached through {@code podman system service}.
   */
  Paunch open() {
    return open(PullListener.NONE);
  }

  /** As {@link #open()}, showing image pull progress through {@code pulls}. */
  Paunch open(PullListener pulls) {
    EngineRuntime selected = runtime();
    AnswerDeadline deadline = deadline();
    // docker: docker-java resolves DOCKER_HOST, DOCKER_CONTEXT and its properties as it always did
    String host = selected == EngineRuntime.DOCKER ? null : address(selected, System.getenv());
    return Paunch.connect(selected, host, System.getenv(), pulls, deadline);
  }

  /** How long an engine call may go unanswered; a usage error outside 1 s to a day. */
  AnswerDeadline deadline() {
    if (engineTimeout < 1 || engineTimeout > LONGEST_TIMEOUT) {
      throw new CliFailure(
          "--engine-timeout must be 1 to " + LONGEST_TIMEOUT + " (seconds), not " + engineTimeout);
    }
    return new AnswerDeadline(Duration.ofSeconds(engineTimeout));
  }

  /** The runtime asked for; a usage error for anything but docker or podman. */
  EngineRuntime runtime() {
    return EngineRuntime.named(runtime)
        .orElseThrow(
            () ->
                new CliFailure(
                    "--default-runtime must be docker or podman, not '" + runtime + "'"));
  }

  static String address(EngineRuntime selected, Map<String, String> environment) {
    try {
      return selected.address(environment, isRoot());
    } catch (IllegalStateException e) {
      throw new CliFailure(String.valueOf(e.getMessage()));
    }
  }

  /** root's podman socket is system-wide; the JVM has no uid, but root's name is fixed. */
  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
