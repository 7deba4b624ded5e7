package dev.keelson.launcher.cli;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.launcher.manifest.ConfigFileReader;
import dev.keelson.launcher.spec.PaunchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads a config file for a command, printing its warnings on stderr. */
final class ConfigFiles {

  private ConfigFiles() {}

  static PaunchConfig read(Path file, PrintWriter err) throws ConfigException {
    PaunchConfig config = ConfigFileReader.read(file);
    printWarnings(config, err);
    return config;
  }

  static void printWarnings(PaunchConfig config, PrintWriter err) {
    for (ConfigProblem warning : config.warnings()) {
      err.println("warning: " + warning.render());
    }
  }
}
