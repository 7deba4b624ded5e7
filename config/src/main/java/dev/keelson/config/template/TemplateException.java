package dev.keelson.config.template;

/**
 * A template that cannot be rendered, with the 1-based position of the offending action so the user
 * can find it in the raw config text.
 */
public final class TemplateException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;

  public TemplateException(String reason, int line, int column) {
    super("template: " + line + ":" + column + ": " + reason);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }
}
