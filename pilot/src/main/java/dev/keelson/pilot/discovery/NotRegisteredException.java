package dev.keelson.pilot.discovery;

/**
 * A TTL update for a check the agent does not know, typically because the agent restarted or the
 * service was deregistered: the caller registers again.
 */
public final class NotRegisteredException extends DiscoveryException {

  private static final long serialVersionUID = 1L;

  public NotRegisteredException(String operation, String subject, String reason, Throwable cause) {
    super(operation, subject, reason, cause);
  }
}
