package dev.keelson.launcher.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which engine {@code --default-runtime} asks for. Both are spoken to through the Docker Engine
 * API: podman through the Docker-compatible API of {@code podman system service}. They differ in
 * where the socket is by default and in what to tell a user whose engine does not answer.
 */
public enum EngineRuntime {
  DOCKER,
  PODMAN;

  /** The docker CLI's default socket. */
  public static final String DOCKER_SOCKET = "unix:///var/run/docker.sock";

  /** Where a rootful {@code podman system service} listens by default (podman.socket). */
  public static final String PODMAN_ROOT_SOCKET = "unix:///run/podman/podman.sock";

  /** The runtime named {@code name} ({@code docker} or {@code podman}), if it is one. */
  public static Optional<EngineRuntime> named(String name) {
    for (EngineRuntime runtime : values()) {
      if (runtime.label().equals(name)) {
        return Optional.of(runtime);
      }
    }
    return Optional.empty();
  }

  /** The name users write: {@code docker} or {@code podman}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The engine's address: {@code DOCKER_HOST} when set (it always wins, as for both CLIs), else
   * this runtime's default socket. A non-root podman user's socket lives in {@code
   * XDG_RUNTIME_DIR}, as {@code podman system service} puts it. (For docker the CLI leaves this to
   * docker-java, which also honours docker contexts.)
   *
   * @throws IllegalStateException when a non-root podman user has no {@code XDG_RUNTIME_DIR}
   */
  public String address(Map<String, String> environment, boolean root) {
    String dockerHost = environment.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      return dockerHost;
    }
    if (this == DOCKER) {
      return DOCKER_SOCKET;
    }
    if (root) {
      return PODMAN_ROOT_SOCKET;
    }
    String runtimeDir = environment.get("XDG_RUNTIME_DIR");
    if (runtimeDir == null || runtimeDir.isBlank()) {
      throw new IllegalStateException(
          "XDG_RUNTIME_DIR is not set, so the podman socket of this user cannot be found; set"
              + " DOCKER_HOST to it (e.g. unix:///run/user/$(id -u)/podman/podman.sock)");
    }
    return "unix://" + stripTrailingSlash(runtimeDir) + "/podman/podman.sock";
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** What to tell the user when nothing answers at {@code address}. */
  String unreachableHint(String address) {
    if (this == DOCKER) {
      return "is dockerd running and is its socket readable by this user? Set DOCKER_HOST to use"
          + " another engine";
    }
    String listen = address.startsWith("unix://") ? " " + address : "";
    return "is the podman API service running? Start it with 'podman system service --time=0"
        + listen
        + "' (or enable podman.socket), or set DOCKER_HOST to its socket";
  }

  /** The engine's name in messages. */
  String engineName() {
    return this == DOCKER ? "the Docker engine" : "the podman API service";
  }
}
