package dev.keelson.config.load;

/** The syntax a config source is written in. */
public enum Format {
  /** YAML 1.1, resolved as PyYAML's {@code safe_load} does (so JSON text is YAML too). */
  YAML,
  /** Strict JSON. */
  JSON
}
