package dev.keelson.config.problem;

/**
 * A position in a config source: 1-based line and column, as editors show them.
 *
 * @param file the name the user knows the source by (a path, {@code <inline>}, {@code <stdin>})
 */
public record SourceLocation(String file, int line, int column) {

  public SourceLocation {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** {@code file:line:column}, the form compilers and editors understand. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
