package dev.keelson.config.problem;

/** Whether a problem stops the config from being used. */
public enum Severity {
  /** The config cannot be used; nothing may be changed. */
  ERROR,
  /** The config is used, but something in it is probably not what the author meant. */
  WARNING
}
