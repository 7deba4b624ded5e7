package dev.keelson.launcher.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.spec.ConfigData;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.Durations;
import dev.keelson.launcher.spec.PaunchConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans {@code paunch state}: the apply plan (when a config is given and the state applies it),
 * turned into a create-only plan for {@code present}, followed by one start, stop, kill or restart
 * per container that needs it. Pure, like {@link Reconciler}.
 */
public final class StatePlanner {

  /** dockerd's and podman's stop timeout for a container created without one. */
  static final int DEFAULT_GRACE_SECONDS = 10;

  /** The grace of a container created with a negative stop timeout, which is never killed. */
  public static final int WAITS_FOR_EVER = -1;

  /** More than any container waits (a year), and far from overflowing a deadline. */
  static final int MAX_GRACE_SECONDS = 366 * 24 * 3600;

  private StatePlanner() {}

  /**
   * The plan for bringing {@code configId}'s containers to {@code state}.
   *
   * @param applied {@link Reconciler#apply}'s plan for {@code config}; empty when there is none
   * @param config the desired config, when one was given
   */
  public static Plan plan(
      TargetState state,
      Plan applied,
      @Nullable PaunchConfig config,
      ObservedState observed,
      String configId,
      String managedBy) {
    if (state == TargetState.ABSENT) {
      return Reconciler.delete(List.of(configId), observed, managedBy);
    }
    List<Action> actions = new ArrayList<>();
    if (state == TargetState.PRESENT) {
      applied.actions().stream()
          .filter(action -> !(action instanceof Action.ExecInContainer))
          .map(StatePlanner::createOnly)
          .forEach(actions::add);
      return new Plan(actions, applied.notes());
    }
    if (state.appliesConfig()) {
      actions.addAll(applied.actions());
    }
    Set<String> removed = new HashSet<>();
    // a container the apply renames is started (stopped...) under its new name
    Map<String, String> renamed = new HashMap<>();
    for (Action action : applied.actions()) {
      if (action instanceof Action.RemoveContainer remove) {
        removed.add(remove.containerId());
      } else if (action instanceof Action.RenameContainer rename) {
        renamed.put(rename.containerId(), rename.to());
      }
    }
    for (ObservedContainer container : observed.ofConfig(managedBy, configId)) {
      if (state.appliesConfig() && removed.contains(container.id())) {
        continue;
      }
      Action.Transition transition = transition(state, container, config);
      if (transition != null) {
        actions.add(
            new Action.ChangeState(
                container.id(),
                renamed.getOrDefault(container.id(), container.name()),
                transition,
                graceSeconds(container),
                cause(state, container)));
      }
    }
    return new Plan(actions, state.appliesConfig() ? applied.notes() : List.of());
  }

  private static Action createOnly(Action action) {
    if (action instanceof Action.RunContainer run) {
      return new Action.CreateContainer(run);
    }
    return action;
  }

  private static Action.@Nullable Transition transition(
      TargetState state, ObservedContainer container, @Nullable PaunchConfig config) {
    // a paused container still runs (the engine's State.Running, Ansible's test): stop and kill
    // act on it, and start leaves it alone (the engine refuses to start a paused container)
    boolean running =
        switch (container.state()) {
          case "running", "restarting", "paused" -> true;
          default -> false;
        };
    return switch (state) {
      // a one-shot that was only created (state present) has not run yet: starting it is its run
      case STARTED ->
          !running && (detached(container, config) || container.isCreatedOnly())
              ? Action.Transition.START
              : null;
      case RESTARTED -> detached(container, config) ? Action.Transition.RESTART : null;
      case STOPPED -> running ? Action.Transition.STOP : null;
      case KILLED -> running ? Action.Transition.KILL : null;
      default -> null;
    };
  }

  private static String cause(TargetState state, ObservedContainer container) {
    return switch (state) {
      case STARTED -> "state started: it is " + container.state();
      case RESTARTED -> "state restarted: always restarts";
      default -> "state " + state.word() + ": it is " + container.state();
    };
  }

  /**
   * The grace period the container was created with, from its {@code stop_grace_period} (as the
   * label stores it); without one, the engine's default of 10 s. Passed to the stop explicitly, so
   * paunch knows how long the engine may take to answer.
   */
  static int graceSeconds(ObservedContainer container) {
    String label = container.configData();
    JsonNode stored = label == null ? null : ConfigData.read(label);
    JsonNode grace = stored == null ? null : stored.get("stop_grace_period");
    double seconds = -1;
    if (grace != null && grace.isNumber()) {
      if (grace.doubleValue() < 0) {
        // created with a negative stop timeout: the engine waits for it without a limit
        return WAITS_FOR_EVER;
      }
      seconds = grace.doubleValue();
    } else if (grace != null && grace.isTextual()) {
      OptionalLong nanos = Durations.toNanos(grace.asText());
      seconds = nanos.isPresent() ? nanos.getAsLong() / 1e9 : -1;
    }
    return seconds < 0
        ? DEFAULT_GRACE_SECONDS
        : (int) Math.min(MAX_GRACE_SECONDS, Math.ceil(seconds));
  }

  /**
   * One-shot ({@code detach: false}) containers ran to completion on purpose; starting them again
   * would repeat the job. The entry says which they are; without a config, the label does.
   */
  private static boolean detached(ObservedContainer container, @Nullable PaunchConfig config) {
    if (config != null) {
      Optional<ContainerSpec> entry = config.container(container.desiredName());
      if (entry.isPresent()) {
        return entry.get().process().detach();
      }
    }
    String label = container.configData();
    JsonNode stored = label == null ? null : ConfigData.read(label);
    JsonNode detach = stored == null ? null : stored.get("detach");
    return detach == null || !detach.isBoolean() || detach.booleanValue();
  }
}
