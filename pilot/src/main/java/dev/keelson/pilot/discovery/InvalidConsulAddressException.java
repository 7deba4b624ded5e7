package dev.keelson.pilot.discovery;

/**
 * A {@code consul} config value that cannot be used. {@link #field()} is the config path of the
 * offending value ({@code consul}, {@code consul.address}, {@code consul.scheme} …) and {@link
 * #problem()} says what is wrong with it, so the config layer can report both with the file name.
 */
public final class InvalidConsulAddressException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidConsulAddressException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
