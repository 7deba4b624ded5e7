package dev.keelson.pilot.wiring;

/**
 * A config that parses but cannot be put to work here: an interface spec that matches nothing, a
 * telemetry port that cannot be bound, an unreadable CA file. The message names the service or
 * block and the key.
 */
public final class WiringException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WiringException(String message) {
    super(message);
  }

  public WiringException(String message, Throwable cause) {
    super(message, cause);
  }
}
