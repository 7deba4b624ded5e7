package dev.keelson.pilot.process;

/** How a child's standard streams are connected. */
public enum Stdio {
  /** stdin, stdout and stderr are the pilot's own: the app, byte for byte. */
  INHERIT,
  /** stdin is /dev/null, stdout and stderr the pilot's: hooks, health checks, onChange. */
  NO_STDIN,
  /** stdin is /dev/null, stdout is a pipe the caller reads, stderr the pilot's: sensors. */
  CAPTURE_STDOUT
}
