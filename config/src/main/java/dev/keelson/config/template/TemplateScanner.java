package dev.keelson.config.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a template into text and actions. Trim markers (<code>{{- </code> and <code> -}}</code>)
 * take the white space off the neighbouring text here, as Go's lexer does; comments disappear.
 */
final class TemplateScanner {

  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  /** Text or an action. */
  sealed interface Piece {}

  record Text(String text) implements Piece {}

  /**
   * One action's tokens, never empty.
   *
   * @param offset where its <code>{{</code> is in the template
   */
  record Action(List<Token> tokens, int offset) implements Piece {

    /** The leading identifier ({@code if}, {@code end}, a function name, ...), or "". */
    String keyword() {
      Token head = tokens.get(0);
      return head.kind() == Token.Kind.IDENTIFIER ? head.text() : "";
    }
  }

  private TemplateScanner() {}

  static List<Piece> scan(String template, Positions positions) throws TemplateException {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int index = 0;
    while (true) {
      int open = template.indexOf(OPEN, index);
      if (open < 0) {
        text.append(template, index, template.length());
        pieces.add(new Text(text.toString()));
        return pieces;
      }
      text.append(template, index, open);
      int contentStart = open + OPEN.length();
      if (isTrimMarker(template, contentStart)) {
        trimTrailingSpace(text);
        contentStart += 2;
      }
      pieces.add(new Text(text.toString()));
      text.setLength(0);
      int comment = skipSpace(template, contentStart);
      if (template.startsWith("/*", comment)) {
        // a comment may hold quotes and braces: it ends at the first "*/", as in Go
        index = afterComment(template, comment, positions, open);
        continue;
      }
      int close = findClose(template, contentStart, positions, open);
      int contentEnd = close;
      boolean trimAfter =
          close - 2 >= contentStart
              && template.charAt(close - 1) == '-'
              && Character.isWhitespace(template.charAt(close - 2));
      if (trimAfter) {
        contentEnd = close - 2;
      }
      pieces.add(action(template, contentStart, contentEnd, positions, open));
      index = close + CLOSE.length();
      if (trimAfter) {
        index = skipSpace(template, index);
      }
    }
  }

  private static Action action(String text, int start, int end, Positions positions, int open)
      throws TemplateException {
    // comments never get here: scan() hands every action that starts with one to afterComment
    List<Token> tokens = ActionLexer.tokenize(text, start, end, positions);
    if (tokens.isEmpty()) {
      throw positions.error("missing value for command", open);
    }
    return new Action(List.copyOf(tokens), open);
  }

  private static int skipSpace(String text, int from) {
    int index = from;
    while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
      index++;
    }
    return index;
  }

  /**
   * Where the text goes on after the comment starting at {@code start}: past its closing <code>
   * *&#47;}}</code>, or <code>*&#47; -}}</code> and the white space that trims.
   */
  private static int afterComment(String template, int start, Positions positions, int open)
      throws TemplateException {
    int end = template.indexOf("*/", start + 2);
    if (end < 0) {
      throw positions.error("unclosed comment", open);
    }
    int index = end + 2;
    boolean trimAfter = false;
    if (index + 1 < template.length()
        && Character.isWhitespace(template.charAt(index))
        && template.charAt(index + 1) == '-'
        && template.startsWith(CLOSE, index + 2)) {
      trimAfter = true;
      index += 2;
    }
    if (!template.startsWith(CLOSE, index)) {
      throw positions.error("comment ends before closing delimiter", open);
    }
    index += CLOSE.length();
    return trimAfter ? skipSpace(template, index) : index;
  }

  /** Go's left trim marker is "-" followed by a space, so "{{-3}}" is the number -3. */
  private static boolean isTrimMarker(String text, int at) {
    return at + 1 < text.length()
        && text.charAt(at) == '-'
        && Character.isWhitespace(text.charAt(at + 1));
  }

  private static void trimTrailingSpace(StringBuilder out) {
    int length = out.length();
    while (length > 0 && Character.isWhitespace(out.charAt(length - 1))) {
      length--;
    }
    out.setLength(length);
  }

  /** The index of the "}}" closing the action, skipping over string literals. */
  private static int findClose(String text, int from, Positions positions, int open)
      throws TemplateException {
    int index = from;
    while (index < text.length()) {
      char c = text.charAt(index);
      if (text.startsWith(CLOSE, index)) {
        return index;
      }
      if (c == '"') {
        index = skipQuoted(text, index);
      } else if (c == '`') {
        int end = text.indexOf('`', index + 1);
        index = end < 0 ? text.length() : end + 1;
      } else {
        index++;
      }
    }
    throw positions.error("unclosed action: missing \"}}\"", open);
  }

  private static int skipQuoted(String text, int quote) {
    int index = quote + 1;
    while (index < text.length()) {
      char c = text.charAt(index);
      if (c == '\\') {
        index += 2;
      } else if (c == '"' || c == '\n') {
        return index + 1;
      } else {
        index++;
      }
    }
    return index;
  }
}
