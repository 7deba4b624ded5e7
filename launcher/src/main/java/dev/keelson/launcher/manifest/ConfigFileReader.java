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
    return parse(YamlDocuments.parse(ConfigSource.read(file)));
  }

  public static PaunchConfig parse(Document document) throws ConfigException {
    return ManifestParser.isManifest(document)
        ? ManifestParser.parse(document)
        : PaunchConfigParser.parse(document);
  }
}
