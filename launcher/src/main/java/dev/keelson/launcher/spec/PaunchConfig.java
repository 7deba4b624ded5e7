package dev.keelson.launcher.spec;

import dev.keelson.config.problem.ConfigProblem;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A whole paunch config file: entries in file order, plus the warnings found while reading it. */
public record PaunchConfig(
    String file, List<ContainerSpec> containers, List<ConfigProblem> warnings) {

  public PaunchConfig {
    containers = List.copyOf(containers);
    warnings = List.copyOf(warnings);
  }

  public Optional<ContainerSpec> container(String name) {
    return containers.stream().filter(spec -> spec.name().equals(name)).findFirst();
  }

  public boolean contains(String name) {
    return container(name).isPresent();
  }

  /** Entries sorted by {@code start_order}; the sort is stable, so ties keep file order. */
  public List<ContainerSpec> inStartOrder() {
    return containers.stream().sorted(Comparator.comparingInt(ContainerSpec::startOrder)).toList();
  }
}
