package dev.keelson.launcher.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.load.Document;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.Problems;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.PaunchConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a container-agent {@code v1beta1} manifest and translates it into a {@link
 * PaunchConfig}: one entry per container, in manifest order, all in start order 0 (the containers
 * of a manifest start together).
 */
public final class ManifestParser {

  public static final String VERSION = "v1beta1";

  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of("version", "id", "containers", "volumes");

  private ManifestParser() {}

  /**
   * A manifest is a mapping whose top-level {@code version} is a scalar. A paunch config may well
   * have a top-level {@code version}: an entry (a container) of that name, whose value is a
   * mapping.
   */
  public static boolean isManifest(Document document) {
    JsonNode version = document.root().isObject() ? document.root().get("version") : null;
    return version != null && version.isValueNode();
  }

  public static PaunchConfig parse(Document document) throws ConfigException {
    return parse(document, new HostPorts());
  }

  /**
   * As {@link #parse(Document)}, with the host ports already published by other manifests applied
   * together with this one; the ports this one publishes are added.
   */
  public static PaunchConfig parse(Document document, HostPorts hostPorts) throws ConfigException {
    String file = document.source().name();
    Problems problems = new Problems(file);
    ValueReader reader = new ValueReader(document, problems);
    JsonNode root = document.root();
    reader.warnUnknownKeys(root, Field.ROOT, TOP_LEVEL_KEYS);
    Field versionField = Field.ROOT.key("version");
    String version = reader.text(ValueReader.get(root, "version"), versionField);
    if (version != null && !version.equals(VERSION)) {
      reader.error(versionField, "is not supported: '" + version + "' (only " + VERSION + ")");
    }
    Set<String> volumes = volumes(root, reader);
    List<ContainerSpec> containers = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Field containersField = Field.ROOT.key("containers");
    JsonNode containersNode = ValueReader.get(root, "containers");
    if (containersNode.isMissingNode() || containersNode.isNull()) {
      // A file caught half written (just its version line) must not read as "no containers",
      // which would remove them all; an explicit [] still means that.
      reader.error(containersField, "is required");
    }
    List<JsonNode> items = reader.list(containersNode, containersField);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      Field field = containersField.item(i, ValueReader.label(item));
      if (!reader.mapping(item, field)) {
        continue;
      }
      String name = ValueReader.label(item);
      if (!name.isEmpty() && !names.add(name)) {
        reader.error(field.key("name"), "is invalid: '" + name + "' (duplicate container name)");
      }
      ContainerSpec spec =
          new ContainerTranslator(reader, volumes, hostPorts, file).translate(item, field);
      if (spec != null) {
        containers.add(spec);
      }
    }
    problems.throwIfErrors();
    return new PaunchConfig(file, containers, problems.warnings());
  }

  /** The declared volume names; mounts may name only these. */
  private static Set<String> volumes(JsonNode root, ValueReader reader) {
    Set<String> names = new LinkedHashSet<>();
    Field volumesField = Field.ROOT.key("volumes");
    List<JsonNode> items = reader.list(ValueReader.get(root, "volumes"), volumesField);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      Field field = volumesField.item(i, ValueReader.label(item));
      if (!reader.mapping(item, field)) {
        continue;
      }
      reader.warnUnknownKeys(item, field, Set.of("name"));
      Field nameField = field.key("name");
      String name = reader.text(ValueReader.get(item, "name"), nameField);
      if (name == null) {
        reader.error(nameField, "is required");
      } else if (!ManifestRules.isRfc1035Label(name)) {
        reader.error(nameField, "is invalid: '" + name + "' (" + RFC_1035_HINT + ")");
      } else if (!names.add(name)) {
        reader.error(nameField, "is invalid: '" + name + "' (duplicate volume name)");
      }
    }
    return names;
  }

  static final String RFC_1035_HINT =
      "an RFC 1035 label: lowercase letters, digits and '-', starting with a letter, not ending"
          + " with '-', at most 63 characters";
}
