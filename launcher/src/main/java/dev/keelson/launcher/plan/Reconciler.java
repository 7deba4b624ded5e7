package dev.keelson.launcher.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.launcher.observe.Labels;
import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.spec.ConfigData;
import dev.keelson.launcher.spec.ConfigDiff;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.EntryAction;
import dev.keelson.launcher.spec.PaunchConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Decides what apply, cleanup and delete do, from values alone: no engine, no clock, no randomness
 * (suffixes come from the options). The algorithms are paunch's (reference §6-§8), with the fixes
 * listed in docs/compatibility.md.
 */
public final class Reconciler {

  private Reconciler() {}

  /**
   * paunch's apply: pull missing images; remove this config id's containers whose entry is gone or
   * whose {@code config_data} is missing or differs; rename misnamed containers of every config id
   * of the owner; then, in {@code start_order}, run what is missing and every exec entry.
   */
  public static Plan apply(DesiredState desired, ObservedState observed, ReconcileOptions options) {
    PaunchConfig config = desired.config();
    List<Action> actions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    planPulls(config, observed, options.pull(), actions);
    for (String image : observed.registries().unanswered()) {
      notes.add(
          "cannot tell yet whether pulling "
              + image
              + " replaces containers: its registry did not say which image the tag names now"
              + " (apply pulls it, then decides)");
    }

    Set<String> removedIds = new HashSet<>();
    for (ObservedContainer container : observed.ofConfig(options.managedBy(), options.configId())) {
      String cause = removalCause(container, config, options.state());
      if (cause == null) {
        cause = imageIdCause(container, config, observed, options);
      }
      if (cause != null) {
        actions.add(new Action.RemoveContainer(container.id(), container.name(), cause));
        removedIds.add(container.id());
      }
    }
    removeDuplicates(
        without(observed.ofConfig(options.managedBy(), options.configId()), removedIds),
        actions,
        removedIds);
    List<ObservedContainer> remaining = without(observed.containers(), removedIds);
    NameBook names = new NameBook(remaining);
    Renamer.plan(
        without(observed.managedBy(options.managedBy()), removedIds), names, actions, notes);

    Set<String> replacedEntries = new HashSet<>();
    for (ObservedContainer container : observed.ofConfig(options.managedBy(), options.configId())) {
      if (removedIds.contains(container.id()) && config.contains(container.desiredName())) {
        replacedEntries.add(container.desiredName());
      }
    }
    Set<String> existingEntries = new HashSet<>();
    for (ObservedContainer container :
        without(observed.ofConfig(options.managedBy(), options.configId()), removedIds)) {
      existingEntries.add(container.desiredName());
    }
    for (ContainerSpec spec : config.inStartOrder()) {
      if (spec.action() == EntryAction.EXEC) {
        actions.add(exec(spec, names, options));
      } else if (!existingEntries.contains(spec.name())) {
        String containerName = names.claimUnique(spec.name(), options.nameSuffixes());
        names.created(options.configId(), spec.name(), containerName);
        actions.add(
            new Action.RunContainer(
                containerName,
                spec,
                labels(spec, options),
                List.of(),
                spec.host().securityOpt(),
                runCause(
                    replacedEntries.contains(spec.name()), containerName.equals(spec.name()))));
      }
    }
    return new Plan(actions, notes);
  }

  /**
   * paunch's cleanup: remove every container of the owner whose config id is not in {@code keep}
   * (all of them when {@code keep} is empty), then rename the survivors back.
   */
  public static Plan cleanup(Set<String> keep, ObservedState observed, String managedBy) {
    List<Action> actions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> removedIds = new HashSet<>();
    Set<String> configIds = new TreeSet<>();
    observed.managedBy(managedBy).stream()
        .map(ObservedContainer::configId)
        .filter(id -> id != null && !keep.contains(id))
        .forEach(configIds::add);
    for (String configId : configIds) {
      for (ObservedContainer container : observed.ofConfig(managedBy, configId)) {
        actions.add(
            new Action.RemoveContainer(
                container.id(),
                container.name(),
                "config id " + configId + " is not among the ones to keep"));
        removedIds.add(container.id());
      }
    }
    NameBook names = new NameBook(without(observed.containers(), removedIds));
    Renamer.plan(without(observed.managedBy(managedBy), removedIds), names, actions, notes);
    return new Plan(actions, notes);
  }

  /** paunch's delete: remove every container of the given config ids, in the order given. */
  public static Plan delete(List<String> configIds, ObservedState observed, String managedBy) {
    List<Action> actions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String configId : configIds) {
      for (ObservedContainer container : observed.ofConfig(managedBy, configId)) {
        if (seen.add(container.id())) {
          actions.add(
              new Action.RemoveContainer(
                  container.id(), container.name(), "config id " + configId + " is deleted"));
        }
      }
    }
    return new Plan(actions, List.of());
  }

  private static void planPulls(
      PaunchConfig config, ObservedState observed, PullPolicy pull, List<Action> actions) {
    for (String image : images(config)) {
      if (pull == PullPolicy.ALWAYS) {
        actions.add(new Action.PullImage(image, "--pull always"));
      } else if (pull == PullPolicy.MISSING && !observed.presentImages().contains(image)) {
        actions.add(new Action.PullImage(image, "not present on the engine"));
      }
    }
  }

  /** Every image the config names, sorted, each once. */
  public static Set<String> images(PaunchConfig config) {
    Set<String> images = new TreeSet<>();
    for (ContainerSpec spec : config.containers()) {
      if (spec.image() != null && !spec.image().isEmpty()) {
        images.add(spec.image());
      }
    }
    return images;
  }

  private static @Nullable String imageIdCause(
      ObservedContainer container,
      PaunchConfig config,
      ObservedState observed,
      ReconcileOptions options) {
    Optional<ContainerSpec> entry = config.container(container.desiredName());
    return entry.isEmpty() ? null : ImageIdCheck.cause(container, entry.get(), observed, options);
  }

  /** Null when the container still matches its entry; otherwise paunch's reason (or ours). */
  private static @Nullable String removalCause(
      ObservedContainer container, PaunchConfig config, TargetState state) {
    Optional<ContainerSpec> entry = config.container(container.desiredName());
    if (entry.isEmpty()) {
      return "removed: no entry " + container.desiredName() + " in the config";
    }
    String label = container.configData();
    if (label == null || label.isBlank()) {
      return "no config_data";
    }
    ContainerSpec spec = entry.get();
    if (!ConfigData.matches(label, spec.entry())) {
      JsonNode stored = ConfigData.read(label);
      String diff = stored == null ? "" : ConfigDiff.describe(stored, spec.entry());
      return diff.isEmpty() ? "changed config_data" : "changed config_data: " + diff;
    }
    if (container.isCreatedOnly() && !keepsCreatedOnly(state)) {
      return "created but never started (an interrupted run?)";
    }
    Integer exitCode = container.exitCode();
    if (!spec.process().detach()
        && spec.action() == EntryAction.RUN
        && container.isExited()
        && exitCode != null
        && !spec.exitCodes().contains(exitCode)) {
      return "its last run exited with " + exitCode + ", which is not in exit_codes; run it again";
    }
    return null;
  }

  /**
   * A container created and never started is what {@code state present} makes, so that state keeps
   * it. Otherwise it is replaced like a changed one: after a run killed between create and start,
   * and in {@code started} and {@code restarted} with a file too, so that it comes up in its
   * entry's start_order, before the later entries and exec entries that may need it running, and a
   * one-shot entry runs with the wait and exit-code check a bare start would skip. ({@code state
   * started} without a file starts such containers in place; see {@link StatePlanner}.)
   */
  private static boolean keepsCreatedOnly(TargetState state) {
    return state == TargetState.PRESENT;
  }

  /**
   * Two matching containers for one entry (left behind by an interrupted run) would both be kept by
   * paunch; we keep the one that has the entry's name, else the newest, and remove the others.
   */
  private static void removeDuplicates(
      List<ObservedContainer> kept, List<Action> actions, Set<String> removedIds) {
    Map<String, ObservedContainer> keepers = new LinkedHashMap<>();
    for (ObservedContainer container : kept) {
      ObservedContainer current = keepers.get(container.desiredName());
      boolean hasDesiredName = container.name().equals(container.desiredName());
      if (current == null || (hasDesiredName && !current.name().equals(current.desiredName()))) {
        keepers.put(container.desiredName(), container);
      }
    }
    for (ObservedContainer container : kept) {
      ObservedContainer keeper = keepers.get(container.desiredName());
      if (keeper != null && !keeper.id().equals(container.id())) {
        actions.add(
            new Action.RemoveContainer(
                container.id(),
                container.name(),
                "duplicate: container:" + keeper.name() + " already serves this entry"));
        removedIds.add(container.id());
      }
    }
  }

  private static Action exec(ContainerSpec spec, NameBook names, ReconcileOptions options) {
    String target = spec.command().get(0);
    String found = names.containerOf(options.configId(), target);
    return new Action.ExecInContainer(
        spec.name(),
        found == null ? target : found,
        spec.command().subList(1, spec.command().size()),
        spec.process().user(),
        spec.host().privileged(),
        spec.exitCodes(),
        "exec entries run on every apply");
  }

  private static String runCause(boolean replaces, boolean nameFree) {
    String base = replaces ? "replaces the container removed above" : "no container for this entry";
    return nameFree ? base : base + "; its name is taken by another container";
  }

  /** CLI labels first, then paunch's four; a CLI label with one of those keys is overridden. */
  static Map<String, String> labels(ContainerSpec spec, ReconcileOptions options) {
    Map<String, String> labels = new LinkedHashMap<>(options.extraLabels());
    labels.put(Labels.CONFIG_ID, options.configId());
    labels.put(Labels.CONTAINER_NAME, spec.name());
    labels.put(Labels.MANAGED_BY, options.managedBy());
    labels.put(Labels.CONFIG_DATA, spec.configData());
    return labels;
  }

  private static List<ObservedContainer> without(
      List<ObservedContainer> containers, Set<String> removedIds) {
    return containers.stream().filter(container -> !removedIds.contains(container.id())).toList();
  }
}
