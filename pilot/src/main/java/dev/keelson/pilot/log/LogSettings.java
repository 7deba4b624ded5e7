package dev.keelson.pilot.log;

import dev.keelson.pilot.config.LoggingSpec;
import java.io.PrintWriter;

/**
 * Where and how the pilot logs right now. Replaced as a whole on (re)configuration, so a line is
 * always written with one consistent setting.
 */
public record LogSettings(LoggingSpec spec, PrintWriter stream) {

  /** The threshold as an SLF4J-style int: 10 debug, 20 info, 30 warn, 40 error, 50 nothing. */
  int threshold() {
    return switch (spec.level()) {
      case DEBUG -> 10;
      case INFO -> 20;
      case WARN -> 30;
      case ERROR -> 40;
      case FATAL, PANIC -> 50;
    };
  }
}
