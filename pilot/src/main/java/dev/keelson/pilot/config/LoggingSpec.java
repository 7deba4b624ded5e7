package dev.keelson.pilot.config;

/** The {@code logging} block: ContainerPilot's levels, formats and outputs. */
public record LoggingSpec(Level level, Format format, Output output) {

  public static final LoggingSpec DEFAULT =
      new LoggingSpec(Level.INFO, Format.DEFAULT, Output.STDOUT);

  /** Case-insensitive in the config; FATAL and PANIC log only what is fatal. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR,
    FATAL,
    PANIC
  }

  /**
   * {@code default}: date and message; {@code text}: key=value; {@code json}: one object a line.
   */
  public enum Format {
    DEFAULT,
    TEXT,
    JSON
  }

  public enum Output {
    STDOUT,
    STDERR
  }
}
