package dev.keelson.pilot.discovery;

/**
 * The discovery service could not be reached or did not answer in time: worth retrying later,
 * unlike a rejected request.
 */
public final class DiscoveryUnavailableException extends DiscoveryException {

  private static final long serialVersionUID = 1L;

  public DiscoveryUnavailableException(
      String operation, String subject, String reason, Throwable cause) {
    super(operation, subject, reason, cause);
  }
}
