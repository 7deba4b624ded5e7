package dev.keelson.pilot.discovery;

/** The status of a service's TTL check, in Consul's three values. */
public enum CheckStatus {
  PASSING("passing"),
  WARNING("warning"),
  CRITICAL("critical");

  private final String consulName;

  CheckStatus(String consulName) {
    this.consulName = consulName;
  }

  /** The value Consul's API uses. */
  public String consulName() {
    return consulName;
  }
}
