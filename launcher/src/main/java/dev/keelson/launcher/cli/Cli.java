package dev.keelson.launcher.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers for values picocli guarantees but the type system cannot see. */
final class Cli {

  private Cli() {}

  /** picocli injects the spec before {@code call()}; its absence is a programming error. */
  static CommandSpec spec(@Nullable CommandSpec spec) {
    if (spec == null) {
      throw new IllegalStateException("invalid usage; picocli did not inject the command spec");
    }
    return spec;
  }

  /** A {@code required = true} option is set by the time {@code call()} runs. */
  static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("invalid usage; a required option is missing");
    }
    return value;
  }
}
