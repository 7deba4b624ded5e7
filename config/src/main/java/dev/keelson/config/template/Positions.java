package dev.keelson.config.template;

/** Turns offsets in the template text into 1-based line:column for error messages. */
final class Positions {

  private final String text;

  Positions(String text) {
    this.text = text;
  }

  TemplateException error(String reason, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new TemplateException(reason, line, offset - lineStart + 1);
  }
}
