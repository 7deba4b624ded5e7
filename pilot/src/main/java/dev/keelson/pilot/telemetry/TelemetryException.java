package dev.keelson.pilot.telemetry;

import org.jspecify.annotations.Nullable;

/** A sensor that cannot be registered (invalid name, name already taken). */
public final class TelemetryException extends Exception {

  private static final long serialVersionUID = 1L;

  public TelemetryException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
