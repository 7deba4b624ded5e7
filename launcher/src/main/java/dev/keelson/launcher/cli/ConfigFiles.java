package dev.keelson.launcher.cli;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.launcher.manifest.ConfigFileReader;
import dev.keelson.launcher.spec.PaunchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Reads a config file for a command, printing its warnings on stderr. */
final class ConfigFiles {

  private ConfigFiles() {}

  static PaunchConfig read(Path file, PrintWriter err) throws ConfigException {
    PaunchConfig config = ConfigFileReader.read(file);
    printWarnings(config, err);
    return config;
  }

  static void printWarnings(PaunchConfig config, PrintWriter err) {
    warningLines(config).forEach(err::println);
  }

  /** One {@code warning: ...} line per warning of the config. */
  static List<String> warningLines(PaunchConfig config) {
    return config.warnings().stream().map(warning -> "warning: " + warning.render()).toList();
  }
}
