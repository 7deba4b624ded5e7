package dev.keelson.pilot.network;

/**
 * An {@code interfaces} value that cannot be parsed, or that matches none of the host's addresses.
 * The message keeps ContainerPilot's wording.
 */
public final class InterfaceSpecException extends Exception {

  private static final long serialVersionUID = 1L;

  public InterfaceSpecException(String message) {
    super(message);
  }
}
