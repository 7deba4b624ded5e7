package dev.keelson.config.template;

/**
 * One lexical element inside a <code>{{ }}</code> action.
 *
 * @param offset where the token starts in the whole template text, for error positions
 */
record Token(Kind kind, String text, int offset) {

  enum Kind {
    /** {@code .NAME}: a variable of the environment; {@code text} is the name without the dot. */
    FIELD,
    /** A bare {@code .}: the current value (the environment, or the item of a range or with). */
    DOT,
    /** {@code $} or {@code $name}; {@code text} includes the {@code $}. */
    VARIABLE,
    /** A quoted or raw string literal; {@code text} is the unescaped value. */
    STRING,
    /** A number or character literal, kept as written. */
    NUMBER,
    /** A function name or a keyword ({@code if}, {@code end}, {@code true}, ...). */
    IDENTIFIER,
    /** The pipe {@code |} between pipeline stages. */
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    /** {@code :=}, declaring variables. */
    DECLARE,
    /** {@code =}, assigning to a declared variable. */
    ASSIGN,
    /** The {@code ,} between the two variables of a range. */
    COMMA
  }
}
