package dev.keelson.pilot.config;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.Format;
import dev.keelson.config.load.JsonDocuments;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.config.problem.Severity;
import dev.keelson.config.problem.SourceLocation;
import dev.keelson.config.template.Environment;
import dev.keelson.config.template.TemplateException;
import dev.keelson.config.template.TemplateRenderer;
import java.nio.file.Path;

/**
 * The config pipeline of ContainerPilot: read the {@code -config} value (a {@code file://} path or
 * inline JSON), render it as a template against the environment, parse strict JSON, validate. Used
 * at start and again on every SIGHUP.
 */
public final class PilotConfigLoader {

  private static final String FILE_PREFIX = "file://";

  private PilotConfigLoader() {}

  /** Reads and renders {@code configValue}, without parsing: what {@code -template} prints. */
  public static ConfigSource render(String configValue, Environment environment)
      throws ConfigException {
    ConfigSource raw = read(configValue);
    try {
      return new ConfigSource(
          raw.name(), TemplateRenderer.render(raw.text(), environment), Format.JSON);
    } catch (TemplateException e) {
      throw new ConfigException(
          new ConfigProblem(
              Severity.ERROR,
              raw.name(),
              "",
              "cannot apply template: " + e.reason(),
              new SourceLocation(raw.name(), e.line(), e.column()),
              caret(raw.text(), e.line(), e.column())));
    }
  }

  /** The whole pipeline. */
  public static PilotConfigReader.Loaded load(String configValue, Environment environment)
      throws ConfigException {
    return PilotConfigReader.read(JsonDocuments.parse(render(configValue, environment)));
  }

  private static ConfigSource read(String configValue) throws ConfigException {
    if (configValue.startsWith(FILE_PREFIX)) {
      return ConfigSource.read(Path.of(configValue.substring(FILE_PREFIX.length())));
    }
    return new ConfigSource("<inline config>", configValue, Format.JSON);
  }

  private static String caret(String text, int line, int column) {
    String[] lines = text.split("\n", -1);
    if (line > lines.length) {
      return "";
    }
    String offending = lines[line - 1];
    return offending + System.lineSeparator() + " ".repeat(Math.max(0, column - 1)) + "^";
  }
}
