package dev.keelson.pilot.supervisor;

/**
 * Which signals the pilot consumes and which it forwards. With a config it behaves as
 * ContainerPilot (TERM stops, HUP reloads, USR1 toggles maintenance) and, unlike ContainerPilot
 * 2.0.1, forwards every other catchable signal to the app instead of dying on INT or swallowing the
 * rest (defect D11). Without a config it is a plain init like tini: everything is forwarded.
 */
public final class SignalPolicy {

  /**
   * Not a signal: a warm-up that runs the forwarding path with signal 0 once the native layer is
   * loaded, so the first real signal is forwarded at full speed.
   */
  public static final String PROBE = "PROBE";

  private SignalPolicy() {}

  /**
   * Decides what to do with {@code signal}.
   *
   * @param configured whether a ContainerPilot config is in use
   * @param hasApp whether an app command was given (with none, INT and TERM both stop the pilot)
   */
  public static SignalAction decide(String signal, boolean configured, boolean hasApp) {
    return switch (signal) {
      case "CHLD" -> SignalAction.REAP;
      case "TTIN", "TTOU" -> SignalAction.IGNORE;
      case "TERM" -> configured || !hasApp ? SignalAction.TERMINATE : SignalAction.FORWARD;
      case "INT" -> hasApp ? SignalAction.FORWARD : SignalAction.TERMINATE;
      case "HUP" -> configured ? SignalAction.RELOAD : forward(hasApp);
      case "USR1" -> configured ? SignalAction.TOGGLE_MAINTENANCE : forward(hasApp);
      default -> forward(hasApp);
    };
  }

  private static SignalAction forward(boolean hasApp) {
    return hasApp ? SignalAction.FORWARD : SignalAction.IGNORE;
  }
}
