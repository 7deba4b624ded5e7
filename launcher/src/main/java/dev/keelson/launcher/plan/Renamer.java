package dev.keelson.launcher.plan;

import dev.keelson.launcher.observe.ObservedContainer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * paunch's rename pass, run by apply and cleanup over every config id of one owner: a container
 * whose name differs from its {@code container_name} label gets that name back once no managed
 * container holds it. Containers are visited by current name, so the outcome does not depend on the
 * engine's listing order.
 */
final class Renamer {

  private Renamer() {}

  /**
   * @param survivors the owner's containers that this plan keeps
   * @param names every container name on the engine after this plan's removals; updated
   */
  static void plan(
      List<ObservedContainer> survivors, NameBook names, List<Action> actions, List<String> notes) {
    Set<String> managedNames = new HashSet<>();
    survivors.forEach(container -> managedNames.add(container.name()));
    List<ObservedContainer> misnamed =
        survivors.stream()
            .filter(ObservedContainer::hasDesiredNameLabel)
            .filter(container -> !container.name().equals(container.desiredName()))
            .sorted(Comparator.comparing(ObservedContainer::name))
            .toList();
    for (ObservedContainer container : misnamed) {
      String desired = container.desiredName();
      if (managedNames.contains(desired)) {
        notes.add(
            "cannot rename container:" + container.name() + " to " + desired + ": it still exists");
      } else if (names.isTaken(desired)) {
        notes.add(
            "cannot rename container:"
                + container.name()
                + " to "
                + desired
                + ": a container not managed by this owner holds that name; remove it manually if"
                + " it is no longer needed");
      } else {
        actions.add(
            new Action.RenameContainer(
                container.id(), container.name(), desired, "its desired name is free"));
        managedNames.add(desired);
        names.rename(container, desired);
      }
    }
  }
}
