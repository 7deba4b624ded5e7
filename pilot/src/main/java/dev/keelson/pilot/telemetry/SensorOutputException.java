package dev.keelson.pilot.telemetry;

/** A sensor reading that cannot be recorded: not a number, or a negative counter increment. */
public final class SensorOutputException extends Exception {

  private static final long serialVersionUID = 1L;

  public SensorOutputException(String message) {
    super(message);
  }
}
