package dev.keelson.pilot.supervisor;

/** What the supervisor does with a signal it received. */
public enum SignalAction {
  /** Run the stop sequence: deregister, preStop, TERM (then KILL) the app, postStop, exit. */
  TERMINATE,
  /** Re-read the config (SIGHUP with a config). */
  RELOAD,
  /** Enter or leave maintenance (SIGUSR1 with a config). */
  TOGGLE_MAINTENANCE,
  /** Send the same signal to the app. */
  FORWARD,
  /** Reap orphans (SIGCHLD). */
  REAP,
  /** Nothing (TTIN/TTOU, as tini: the pilot itself must not stop on them). */
  IGNORE
}
