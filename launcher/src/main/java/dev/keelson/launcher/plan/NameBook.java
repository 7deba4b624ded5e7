package dev.keelson.launcher.plan;

import dev.keelson.launcher.observe.Labels;
import dev.keelson.launcher.observe.ObservedContainer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The container names as they will be while a plan is carried out: which names are taken, and under
 * which name each (config id, entry) pair lives, so later steps (suffix choice, exec targets) see
 * the effect of earlier ones.
 */
final class NameBook {

  private final Set<String> taken = new HashSet<>();
  private final Map<String, String> byEntry = new HashMap<>();

  /** Containers listed first win an entry, as paunch takes the first {@code docker ps} line. */
  NameBook(List<ObservedContainer> remaining) {
    for (ObservedContainer container : remaining) {
      taken.add(container.name());
      String configId = container.labels().get(Labels.CONFIG_ID);
      String entry = container.labels().get(Labels.CONTAINER_NAME);
      if (configId != null && entry != null) {
        byEntry.putIfAbsent(key(configId, entry), container.name());
      }
    }
  }

  boolean isTaken(String name) {
    return taken.contains(name);
  }

  void rename(ObservedContainer container, String newName) {
    taken.remove(container.name());
    taken.add(newName);
    byEntry.replaceAll((entry, name) -> name.equals(container.name()) ? newName : name);
  }

  /** The entry's name if free, otherwise {@code name-<suffix>} until one is free. */
  String claimUnique(String name, Supplier<String> suffixes) {
    String candidate = name;
    while (taken.contains(candidate)) {
      candidate = name + "-" + suffixes.get();
    }
    taken.add(candidate);
    return candidate;
  }

  void created(String configId, String entry, String containerName) {
    byEntry.put(key(configId, entry), containerName);
  }

  /** The container holding entry {@code entry} of {@code configId}, if any. */
  @Nullable String containerOf(String configId, String entry) {
    return byEntry.get(key(configId, entry));
  }

  private static String key(String configId, String entry) {
    return configId + "\u0000" + entry;
  }
}
