package dev.keelson.config.command;

/** A command string that cannot be split, with the 1-based column of the problem. */
public final class CommandSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int column;

  public CommandSyntaxException(String message, int column) {
    super(message + " at column " + column);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
