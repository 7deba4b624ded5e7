package dev.keelson.launcher.cli;

import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.engine.PullListener;
import dev.keelson.launcher.observe.Labels;
import picocli.CommandLine.Option;

/** {@code --managed-by} and {@code --default-runtime}, shared by every command. */
final class EngineOptions {

  @Option(
      names = "--managed-by",
      paramLabel = "<name>",
      description = "Owner label of the containers to act on (default: ${DEFAULT-VALUE}).")
  String managedBy = Labels.DEFAULT_MANAGED_BY;

  @Option(
      names = "--default-runtime",
      paramLabel = "<runtime>",
      description = "docker or podman (default: ${DEFAULT-VALUE}).")
  String runtime = "docker";

  /**
   * Opens the engine. paunch 4.3.0 defaulted to podman; we speak only the Docker API so far, so
   * docker is the default and podman is refused with a clear message rather than half-working.
   */
  Paunch open() {
    return open(PullListener.NONE);
  }

  /** As {@link #open()}, showing image pull progress through {@code pulls}. */
  Paunch open(PullListener pulls) {
    switch (runtime) {
      case "docker" -> {
        return Paunch.docker(null, System.getenv(), pulls);
      }
      case "podman" ->
          throw new CliFailure(
              "the podman runtime is not supported yet; use --default-runtime docker (the Docker"
                  + " Engine API at DOCKER_HOST or /var/run/docker.sock)");
      default ->
          throw new CliFailure("--default-runtime must be docker or podman, not '" + runtime + "'");
    }
  }
}
