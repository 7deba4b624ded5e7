package dev.keelson.pilot.cli;

import java.util.List;
import java.util.Optional;

/**
 * The parsed command line.
 *
 * @param config the {@code -config} value, if given
 * @param app everything from the first non-flag argument on, untouched
 */
record Arguments(
    Optional<String> config, boolean version, boolean template, boolean help, List<String> app) {

  Arguments {
    app = List.copyOf(app);
  }
}
