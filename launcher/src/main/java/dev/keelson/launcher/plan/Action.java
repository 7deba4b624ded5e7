package dev.keelson.launcher.plan;

import dev.keelson.launcher.spec.ContainerSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One step of a plan. Every action names the resource it touches ({@code container:<name>} or
 * {@code image:<ref>}) and why it is needed, so logs, dry runs and errors can all say why.
 */
public sealed interface Action {

  String resourceId();

  String cause();

  /** One line without the cause, e.g. {@code rename container:a-x1 to a}. */
  String describe();

  /** The container this action creates (started or not), or null when it creates none. */
  default @Nullable RunContainer containerToMake() {
    return null;
  }

  /** Pull an image that is not present. */
  record PullImage(String image, String cause) implements Action {
    @Override
    public String resourceId() {
      return "image:" + image;
    }

    @Override
    public String describe() {
      return "pull " + resourceId();
    }
  }

  /** Force-remove a container (paunch's {@code docker rm -f}). */
  record RemoveContainer(String containerId, String containerName, String cause) implements Action {
    @Override
    public String resourceId() {
      return "container:" + containerName;
    }

    @Override
    public String describe() {
      return "remove " + resourceId();
    }
  }

  /** Give a suffixed container its desired name back. */
  record RenameContainer(String containerId, String from, String to, String cause)
      implements Action {
    @Override
    public String resourceId() {
      return "container:" + from;
    }

    @Override
    public String describe() {
      return "rename " + resourceId() + " to " + to;
    }
  }

  /**
   * Create and start a container; for {@code detach: false} entries also wait for it and check its
   * exit status against the entry's {@code exit_codes}.
   *
   * @param containerName the name to create, possibly suffixed when the entry's name is taken
   * @param labels in the order paunch writes them: CLI labels first, then its own four
   * @param environment the resolved {@code KEY=value} list: env files first, then entries
   * @param securityOpt the entry's {@code security_opt} as the engine gets it: a {@code seccomp}
   *     profile file replaced by its JSON, as the docker CLI sends it
   */
  record RunContainer(
      String containerName,
      ContainerSpec spec,
      Map<String, String> labels,
      List<String> environment,
      List<String> securityOpt,
      String cause)
      implements Action {
    public RunContainer {
      labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
      environment = List.copyOf(environment);
      securityOpt = List.copyOf(securityOpt);
    }

    @Override
    public String resourceId() {
      return "container:" + containerName;
    }

    @Override
    public RunContainer containerToMake() {
      return this;
    }

    @Override
    public String describe() {
      return (spec.process().detach() ? "run " : "run to completion ")
          + resourceId()
          + " from "
          + spec.image();
    }
  }

  /** Create a container without starting it ({@code paunch state present}). */
  record CreateContainer(RunContainer run) implements Action {
    @Override
    public RunContainer containerToMake() {
      return run;
    }

    @Override
    public String resourceId() {
      return run.resourceId();
    }

    @Override
    public String cause() {
      return run.cause();
    }

    @Override
    public String describe() {
      return "create " + resourceId() + " from " + run.spec().image() + " (not started)";
    }
  }

  /** What {@link ChangeState} does to a container. */
  enum Transition {
    START,
    STOP,
    KILL,
    RESTART;

    public String verb() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Start, stop, kill or restart an existing container ({@code paunch state}).
   *
   * @param graceSeconds how long a stop waits before it kills: the container's {@code
   *     stop_grace_period}, as it was created with it; negative when it is never killed
   */
  record ChangeState(
      String containerId,
      String containerName,
      Transition transition,
      int graceSeconds,
      String cause)
      implements Action {
    @Override
    public String resourceId() {
      return "container:" + containerName;
    }

    @Override
    public String describe() {
      return transition.verb() + " " + resourceId();
    }
  }

  /**
   * Run a command in an existing container, as {@code docker exec} does.
   *
   * @param targetName the container found by the command's first word
   * @param command the rest of the entry's command
   */
  record ExecInContainer(
      String entryName,
      String targetName,
      List<String> command,
      @Nullable String user,
      @Nullable Boolean privileged,
      Set<Integer> exitCodes,
      String cause)
      implements Action {
    public ExecInContainer {
      command = List.copyOf(command);
      exitCodes = Set.copyOf(exitCodes);
    }

    @Override
    public String resourceId() {
      return "container:" + targetName;
    }

    @Override
    public String describe() {
      return "exec " + entryName + " in " + resourceId() + " " + command;
    }
  }
}
