package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.Document;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a paunch config (YAML or JSON, both through the PyYAML-compatible reader, as paunch reads
 * every file with {@code yaml.safe_load}) and validates every entry before anything touches the
 * engine.
 */
public final class PaunchConfigParser {

  private PaunchConfigParser() {}

  /** Reads and validates {@code file}; a ConfigException lists every error and warning. */
  public static PaunchConfig read(Path file) throws ConfigException {
    return parse(YamlDocuments.parse(ConfigSource.read(file)));
  }

  public static PaunchConfig parse(Document document) throws ConfigException {
    String file = document.source().name();
    Problems problems = new Problems(file);
    JsonNode root = document.root();
    if (!root.isObject()) {
      problems.error(
          "",
          "the top level must be a mapping of container name to options, not "
              + EntryReader.describe(root),
          document.locate(""));
      problems.throwIfErrors();
    }
    List<ContainerSpec> containers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String name = entry.getKey();
      ContainerSpec spec =
          ContainerSpecParser.parse(
              name, entry.getValue(), problems, EntryReader.locatorFor(document, name));
      if (spec != null) {
        containers.add(spec);
      }
    }
    problems.throwIfErrors();
    return new PaunchConfig(file, containers, problems.warnings());
  }

  /**
   * Validates a single entry that does not come from a file position, e.g. after {@code debug
   * --overrides} changed it.
   */
  public static ContainerSpec parseEntry(Document document, String name, JsonNode entry)
      throws ConfigException {
    Problems problems = new Problems(document.source().name());
    ContainerSpec spec =
        ContainerSpecParser.parse(name, entry, problems, EntryReader.locatorFor(document, name));
    problems.throwIfErrors();
    if (spec == null) {
      throw new IllegalStateException("an entry without errors must parse");
    }
    return spec;
  }
}
