package dev.keelson.config.load;

import dev.keelson.config.problem.ConfigException;
import java.nio.file.Path;

/** Reads and parses a config file in whichever format it is written. */
public final class Documents {

  private Documents() {}

  public static Document parse(ConfigSource source) throws ConfigException {
    return source.format() == Format.JSON
        ? JsonDocuments.parse(source)
        : YamlDocuments.parse(source);
  }

  public static Document read(Path path) throws ConfigException {
    return parse(ConfigSource.read(path));
  }
}
