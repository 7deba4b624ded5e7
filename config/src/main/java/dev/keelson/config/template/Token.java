package dev.keelson.config.template;

/**
 * One lexical element inside a <code>{{ }}</code> action.
 *
 * @param offset where the token starts in the whole template text, for error positions
 */
record Token(Kind kind, String text, int offset) {

  enum Kind {
    /** {@code .NAME}: a variable; {@code text} is the name without the dot. */
    FIELD,
    /** A quoted or raw string literal; {@code text} is the unescaped value. */
    STRING,
    /** A number literal, kept as written. */
    NUMBER,
    /** A function name. */
    IDENTIFIER,
    /** The pipe {@code |} between pipeline stages. */
    PIPE
  }
}
