package dev.keelson.launcher.spec;

/** What an entry asks for: a container of its own, or a command inside another container. */
public enum EntryAction {
  /** Create and start a container named after the entry (paunch's default). */
  RUN,
  /** Run the entry's command in the container named by its first word; on every apply. */
  EXEC
}
