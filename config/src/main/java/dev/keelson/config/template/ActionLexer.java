package dev.keelson.config.template;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of one action into tokens; knows Go's string literal escapes. */
final class ActionLexer {

  private final String text;
  private final int end;
  private final Positions positions;
  private int index;

  private ActionLexer(String text, int start, int end, Positions positions) {
    this.text = text;
    this.index = start;
    this.end = end;
    this.positions = positions;
  }

  /** Tokens of {@code text[start, end)}; offsets are absolute so errors point into the template. */
  static List<Token> tokenize(String text, int start, int end, Positions positions)
      throws TemplateException {
    return new ActionLexer(text, start, end, positions).tokens();
  }

  private List<Token> tokens() throws TemplateException {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpace();
      if (index >= end) {
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() throws TemplateException {
    int start = index;
    char c = text.charAt(index);
    switch (c) {
      case '|' -> {
        index++;
        return new Token(Token.Kind.PIPE, "|", start);
      }
      case '(' -> {
        index++;
        return new Token(Token.Kind.LEFT_PAREN, "(", start);
      }
      case ')' -> {
        index++;
        return new Token(Token.Kind.RIGHT_PAREN, ")", start);
      }
      case ',' -> {
        index++;
        return new Token(Token.Kind.COMMA, ",", start);
      }
      case '=' -> {
        index++;
        return new Token(Token.Kind.ASSIGN, "=", start);
      }
      case ':' -> {
        if (index + 1 < end && text.charAt(index + 1) == '=') {
          index += 2;
          return new Token(Token.Kind.DECLARE, ":=", start);
        }
        throw positions.error("expected :=", start);
      }
      case '"' -> {
        return new Token(Token.Kind.STRING, quoted(), start);
      }
      case '`' -> {
        return new Token(Token.Kind.STRING, raw(), start);
      }
      case '\'' -> {
        return new Token(Token.Kind.NUMBER, character(), start);
      }
      case '.' -> {
        return dotted(start);
      }
      case '$' -> {
        return variable(start);
      }
      default -> {
        // a number, an identifier, or an error: below
      }
    }
    if (c == '-' || c == '+' || Character.isDigit(c)) {
      return new Token(Token.Kind.NUMBER, number(), start);
    }
    if (Character.isLetter(c) || c == '_') {
      return new Token(Token.Kind.IDENTIFIER, word(), start);
    }
    throw positions.error("unexpected character '" + c + "' in action", start);
  }

  /** {@code $}, {@code $name}, or {@code $name.FIELD}. */
  private Token variable(int start) throws TemplateException {
    index++;
    String variable = "$" + word();
    if (index < end && text.charAt(index) == '.') {
      index++;
      String field = word();
      if (field.isEmpty() || (index < end && text.charAt(index) == '.')) {
        throw positions.error("nested fields are not supported: " + variable + ".", start);
      }
      return new Token(Token.Kind.VARIABLE, variable + "." + field, start);
    }
    return new Token(Token.Kind.VARIABLE, variable, start);
  }

  /** {@code .NAME}, a bare {@code .}, or a number such as {@code .5}. */
  private Token dotted(int start) throws TemplateException {
    if (index + 1 < end && Character.isDigit(text.charAt(index + 1))) {
      return new Token(Token.Kind.NUMBER, number(), start);
    }
    index++;
    String name = word();
    if (name.isEmpty()) {
      return new Token(Token.Kind.DOT, ".", start);
    }
    if (index < end && text.charAt(index) == '.') {
      throw positions.error(
          "nested fields are not supported: ." + name + text.charAt(index), start);
    }
    return new Token(Token.Kind.FIELD, name, start);
  }

  private String number() {
    int start = index;
    index++;
    while (index < end
        && (Character.isLetterOrDigit(text.charAt(index))
            || ".+-_".indexOf(text.charAt(index)) >= 0)) {
      index++;
    }
    return text.substring(start, index);
  }

  /** A character constant such as {@code 'a'}, kept as written; it is a number, as in Go. */
  private String character() throws TemplateException {
    int start = index;
    index++;
    while (index < end && text.charAt(index) != '\'' && text.charAt(index) != '\n') {
      index += text.charAt(index) == '\\' ? 2 : 1;
    }
    if (index >= end || text.charAt(index) != '\'') {
      throw positions.error("unterminated character constant", start);
    }
    index++;
    return text.substring(start, index);
  }

  private String word() {
    int start = index;
    while (index < end
        && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_')) {
      index++;
    }
    return text.substring(start, index);
  }

  private String raw() throws TemplateException {
    int start = index;
    int close = text.indexOf('`', index + 1);
    if (close < 0 || close >= end) {
      throw positions.error("unterminated raw string", start);
    }
    index = close + 1;
    return text.substring(start + 1, close);
  }

  private String quoted() throws TemplateException {
    int start = index;
    StringBuilder value = new StringBuilder();
    index++;
    while (index < end) {
      char c = text.charAt(index++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\n') {
        break;
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (index >= end) {
        break;
      }
      value.append(escape(text.charAt(index++), start));
    }
    throw positions.error("unterminated quoted string", start);
  }

  private char escape(char c, int literalStart) throws TemplateException {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case '\\' -> '\\';
      case '"' -> '"';
      case '\'' -> '\'';
      default -> throw positions.error("unknown escape sequence \\" + c, literalStart);
    };
  }

  private void skipSpace() {
    while (index < end && Character.isWhitespace(text.charAt(index))) {
      index++;
    }
  }
}
