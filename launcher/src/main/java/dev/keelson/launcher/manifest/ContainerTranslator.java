package dev.keelson.launcher.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.EntryAction;
import dev.keelson.launcher.spec.HostOptions;
import dev.keelson.launcher.spec.PortBinding;
import dev.keelson.launcher.spec.ProcessOptions;
import dev.keelson.launcher.spec.ResourceOptions;
import dev.keelson.launcher.spec.WorkloadOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates one manifest container and turns it into a {@link ContainerSpec}. The container's
 * mapping, exactly as written, becomes the entry (and so the {@code config_data} label): applying
 * an unchanged manifest again then matches every container, and a change is explained in the
 * manifest's own field names.
 */
final class ContainerTranslator {

  private static final Set<String> CONTAINER_KEYS =
      Set.of("name", "image", "command", "workingDir", "ports", "volumeMounts", "env");
  private static final Set<String> PORT_KEYS =
      Set.of("name", "containerPort", "hostPort", "hostIp", "protocol");
  private static final Set<String> MOUNT_KEYS = Set.of("name", "path", "readOnly");
  private static final Set<String> ENV_KEYS = Set.of("key", "value");
  private static final Pattern NO_SPACE = Pattern.compile("\\S+");

  /** container-agent restarts exited containers; the engine's restart policy does that here. */
  private static final String RESTART_POLICY = "always";

  private final ValueReader reader;
  private final Set<String> volumes;
  private final HostPorts hostPorts;
  private final String file;

  ContainerTranslator(ValueReader reader, Set<String> volumes, HostPorts hostPorts, String file) {
    this.reader = reader;
    this.volumes = volumes;
    this.hostPorts = hostPorts;
    this.file = file;
  }

  /** Null when the container has errors; they are recorded. */
  @Nullable ContainerSpec translate(JsonNode container, Field field) {
    int errorsBefore = reader.errorCount();
    reader.warnUnknownKeys(container, field, CONTAINER_KEYS);
    String name = name(container, field);
    String image = image(container, field);
    List<String> command = command(container, field);
    String workingDir = path(ValueReader.get(container, "workingDir"), field.key("workingDir"));
    List<PortBinding> ports = ports(container, field);
    List<String> binds = mounts(container, field);
    List<String> environment = environment(container, field);
    if (reader.errorCount() > errorsBefore || name == null || image == null) {
      return null;
    }
    return new ContainerSpec(
        name,
        (ObjectNode) container,
        EntryAction.RUN,
        0,
        Set.of(0),
        image,
        command,
        new ProcessOptions(
            true,
            false,
            false,
            false,
            null,
            List.of(),
            environment,
            RESTART_POLICY,
            null,
            null,
            null,
            null),
        new HostOptions(
            null, null, null, null, null, List.of(), null, List.of(), List.of(), List.of(),
            List.of(), binds, List.of()),
        new ResourceOptions(List.of(), null, null, null, null, null),
        new WorkloadOptions(workingDir, ports));
  }

  private @Nullable String name(JsonNode container, Field field) {
    Field nameField = field.key("name");
    String name = reader.text(ValueReader.get(container, "name"), nameField);
    if (name == null) {
      reader.error(nameField, "is required");
      return null;
    }
    if (!ManifestRules.isRfc1035Label(name)) {
      reader.error(nameField, "is invalid: '" + name + "' (" + ManifestParser.RFC_1035_HINT + ")");
      return null;
    }
    return name;
  }

  private @Nullable String image(JsonNode container, Field field) {
    Field imageField = field.key("image");
    String image = reader.text(ValueReader.get(container, "image"), imageField);
    if (image == null) {
      reader.error(imageField, "is required");
      return null;
    }
    if (!NO_SPACE.matcher(image).matches()) {
      reader.error(imageField, "is invalid: '" + image + "' (not an image reference)");
    }
    return image;
  }

  private List<String> command(JsonNode container, Field field) {
    Field commandField = field.key("command");
    List<JsonNode> items = reader.list(ValueReader.get(container, "command"), commandField);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String word = reader.text(items.get(i), commandField.item(i, ""));
      if (word != null) {
        words.add(word);
      }
    }
    return words;
  }

  /** An absolute path of at most 512 characters, or null when absent. */
  private @Nullable String path(JsonNode value, Field field) {
    String path = reader.text(value, field);
    if (path != null && !ManifestRules.isAbsolutePath(path)) {
      reader.error(
          field,
          "is invalid: '"
              + path
              + "' (must be an absolute path of at most "
              + ManifestRules.MAX_PATH_LENGTH
              + " characters)");
    }
    return path;
  }

  private List<PortBinding> ports(JsonNode container, Field field) {
    Field portsField = field.key("ports");
    List<JsonNode> items = reader.list(ValueReader.get(container, "ports"), portsField);
    List<PortBinding> ports = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      Field portField = portsField.item(i, ValueReader.label(item));
      if (!reader.mapping(item, portField)) {
        continue;
      }
      reader.warnUnknownKeys(item, portField, PORT_KEYS);
      PortBinding port = new PortReader(reader, hostPorts, file).read(item, portField, names);
      if (port != null) {
        ports.add(port);
      }
    }
    return ports;
  }

  /** Each mount as a bind of the named Docker volume: {@code volume:/path[:ro]}. */
  private List<String> mounts(JsonNode container, Field field) {
    Field mountsField = field.key("volumeMounts");
    List<JsonNode> items = reader.list(ValueReader.get(container, "volumeMounts"), mountsField);
    List<String> binds = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      Field mountField = mountsField.item(i, ValueReader.label(item));
      if (!reader.mapping(item, mountField)) {
        continue;
      }
      reader.warnUnknownKeys(item, mountField, MOUNT_KEYS);
      Field nameField = mountField.key("name");
      String volume = reader.text(ValueReader.get(item, "name"), nameField);
      if (volume == null) {
        reader.error(nameField, "is required");
      } else if (!volumes.contains(volume)) {
        reader.error(nameField, "is invalid: '" + volume + "' (no such volume in volumes)");
      }
      Field pathField = mountField.key("path");
      String path = path(ValueReader.get(item, "path"), pathField);
      if (path == null && ValueReader.get(item, "path").isMissingNode()) {
        reader.error(pathField, "is required");
      }
      boolean readOnly = reader.flag(ValueReader.get(item, "readOnly"), mountField.key("readOnly"));
      if (volume != null && path != null) {
        binds.add(volume + ":" + path + (readOnly ? ":ro" : ""));
      }
    }
    return binds;
  }

  private List<String> environment(JsonNode container, Field field) {
    Field envField = field.key("env");
    List<JsonNode> items = reader.list(ValueReader.get(container, "env"), envField);
    List<String> environment = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      JsonNode key = ValueReader.get(item, "key");
      Field itemField = envField.item(i, key.isTextual() ? key.asText() : "");
      if (!reader.mapping(item, itemField)) {
        continue;
      }
      reader.warnUnknownKeys(item, itemField, ENV_KEYS);
      String name = reader.text(key, itemField.key("key"));
      String value = reader.text(ValueReader.get(item, "value"), itemField.key("value"));
      if (name == null) {
        reader.error(itemField.key("key"), "is required");
      } else if (!ManifestRules.isCIdentifier(name)) {
        reader.error(
            itemField.key("key"),
            "is invalid: '" + name + "' (must be a C identifier: letters, digits, '_')");
      } else {
        environment.add(name + "=" + (value == null ? "" : value));
      }
    }
    return environment;
  }
}
