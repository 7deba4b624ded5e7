package dev.keelson.pilot.discovery;

/**
 * A discovery call that did not succeed. The message names the operation and the service, e.g.
 * {@code register web-abc123 failed: ...}.
 */
public class DiscoveryException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String subject;

  public DiscoveryException(String operation, String subject, String reason, Throwable cause) {
    super(operation + " " + subject + " failed: " + reason, cause);
    this.operation = operation;
    this.subject = subject;
  }

  /** e.g. {@code register}, {@code pass}, {@code query}. */
  public String operation() {
    return operation;
  }

  /** The service id (or, for queries, the service name) the call was about. */
  public String subject() {
    return subject;
  }
}
