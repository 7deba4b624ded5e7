package dev.keelson.launcher.manifest;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.Document;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.launcher.spec.PaunchConfig;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.nio.file.Path;

/**
 * Reads a file given to {@code apply --file}: a container-agent manifest when it has a scalar
 * top-level {@code version}, a paunch config otherwise. Both become the same desired state.
 */
public final class ConfigFileReader {

  private ConfigFileReader() {}

  public static PaunchConfig read(Path file) throws ConfigException {
    return read(file, new HostPorts());
  }

  /**
   * As {@link #read(Path)}, for a file applied together with others: a manifest may not publish a
   * host port that one of theirs, read into {@code hostPorts} before, publishes.
   */
  public static PaunchConfig read(Path file, HostPorts hostPorts) throws ConfigException {
    Document document = YamlDocuments.parse(ConfigSource.read(file));
    return ManifestParser.isManifest(document)
        ? ManifestParser.parse(document, hostPorts)
        : PaunchConfigParser.parse(document);
  }

  public static PaunchConfig parse(Document document) throws ConfigException {
    return ManifestParser.isManifest(document)
        ? ManifestParser.parse(document)
        : PaunchConfigParser.parse(document);
  }
}
