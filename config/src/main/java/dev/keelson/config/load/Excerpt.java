package dev.keelson.config.load;

/** Renders the offending line of a source with a caret under the column, for syntax errors. */
final class Excerpt {

  private Excerpt() {}

  /**
   * {@code line} and {@code column} are 1-based; returns an empty string past the end of the text.
   */
  static String at(String text, int line, int column) {
    String[] lines = text.split("\r?\n", -1);
    if (line < 1 || line > lines.length) {
      return "";
    }
    String offending = lines[line - 1].replace('\t', ' ');
    int caret = Math.max(0, Math.min(column - 1, offending.length()));
    return "    " + offending + System.lineSeparator() + "    " + "-".repeat(caret) + "^";
  }
}
