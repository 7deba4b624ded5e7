package dev.keelson.config.problem;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a config, named precisely enough to fix it without reading code.
 *
 * @param file the source the problem is in
 * @param path where in the document, e.g. {@code hello.environment[2]} or {@code
 *     services[web].poll}; empty for the document as a whole
 * @param message what is wrong, in the form "must be ..." or "is not ..."; does not repeat the path
 * @param location where the offending text starts, when known
 * @param excerpt the offending source line and a caret under the column, when known
 */
public record ConfigProblem(
    Severity severity,
    String file,
    String path,
    String message,
    @Nullable SourceLocation location,
    @Nullable String excerpt) {

  public static ConfigProblem error(
      String file, String path, String message, @Nullable SourceLocation location) {
    return new ConfigProblem(Severity.ERROR, file, path, message, location, null);
  }

  public static ConfigProblem warning(
      String file, String path, String message, @Nullable SourceLocation location) {
    return new ConfigProblem(Severity.WARNING, file, path, message, location, null);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * One line (plus the excerpt, if any): {@code file:line:col: path: message}. The location stands
   * in for the file when known, and the path is left out when empty.
   */
  public String render() {
    StringBuilder text = new StringBuilder();
    text.append(location != null ? location.toString() : file).append(": ");
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    text.append(message);
    if (excerpt != null) {
      text.append(System.lineSeparator()).append(excerpt);
    }
    return text.toString();
  }
}
