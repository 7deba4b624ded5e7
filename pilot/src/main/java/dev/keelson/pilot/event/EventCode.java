package dev.keelson.pilot.event;

/** What happened; the vocabulary every actor on the bus shares. */
public enum EventCode {
  /** The pilot is up and the app (if any) has been started. */
  STARTUP,
  /** A process ended with status 0; the source names it. */
  EXIT_SUCCESS,
  /** A process ended with a non-zero status (or could not start); the value is its exit code. */
  EXIT_FAILED,
  /** The pilot begins its stop sequence; actors should stop scheduling new work. */
  STOPPING,
  /** An actor (or the pilot) has finished stopping. */
  STOPPED,
  /** A service's health check passed. */
  HEALTHY,
  /** A service's health check failed. */
  UNHEALTHY,
  /** A watched backend's set of instances changed. */
  CHANGED,
  /** A timer an actor armed has fired. */
  TIMER_EXPIRED,
  /** SIGUSR1 entered maintenance: deregister, pause polling. */
  ENTER_MAINTENANCE,
  /** SIGUSR1 left maintenance: register again, resume polling. */
  EXIT_MAINTENANCE,
  /** SIGHUP: a new config is being applied; actors built from the old one are stopped. */
  RELOAD,
  /** The pilot is about to exit. */
  SHUTDOWN,
  /** A signal arrived; the source is its name, e.g. {@code TERM}, the value its number. */
  SIGNAL
}
