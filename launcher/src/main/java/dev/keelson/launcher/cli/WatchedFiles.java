package dev.keelson.launcher.cli;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.launcher.manifest.ConfigFileReader;
import dev.keelson.launcher.manifest.HostPorts;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.PaunchConfig;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files {@code watch} reconciles with: one path, or a glob in its last part, read as one config
 * (entries of all files, files in name order). Each file is a paunch config or a container-agent
 * manifest, as for {@code apply}; the manifests' host ports must differ across files too. Any
 * problem rejects the whole set, so a half-written file never removes the containers of the entries
 * it lost.
 */
final class WatchedFiles {

  private WatchedFiles() {}

  static PaunchConfig read(String pattern) throws ConfigException {
    List<Path> files = expand(pattern);
    if (files.isEmpty()) {
      throw new ConfigException(ConfigProblem.error(pattern, "", "matches no file", null));
    }
    List<ContainerSpec> containers = new ArrayList<>();
    List<ConfigProblem> warnings = new ArrayList<>();
    Map<String, Path> owners = new HashMap<>();
    HostPorts hostPorts = new HostPorts();
    for (Path file : files) {
      PaunchConfig config = ConfigFileReader.read(file, hostPorts);
      for (ContainerSpec spec : config.containers()) {
        Path first = owners.putIfAbsent(spec.name(), file);
        if (first != null) {
          throw new ConfigException(
              ConfigProblem.error(
                  file.toString(), spec.name(), "is already an entry of " + first, null));
        }
        containers.add(spec);
      }
      warnings.addAll(config.warnings());
    }
    return new PaunchConfig(pattern, containers, warnings);
  }

  private static List<Path> expand(String pattern) throws ConfigException {
    Path path = Path.of(pattern);
    Path name = path.getFileName();
    if (name == null || !name.toString().matches(".*[*?\\[{].*")) {
      return List.of(path);
    }
    Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
    // As the shell's and Python's glob: a wildcard does not match a leading '.', so an atomic
    // writer's hidden temporary file (.app.yaml.tmp) is not read half written.
    boolean hidden = name.toString().startsWith(".");
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(file -> matcher.matches(file.getFileName()))
          .filter(file -> hidden || !String.valueOf(file.getFileName()).startsWith("."))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigException(
          ConfigProblem.error(pattern, "", "cannot list " + dir + ": " + e.getMessage(), null));
    }
  }
}
