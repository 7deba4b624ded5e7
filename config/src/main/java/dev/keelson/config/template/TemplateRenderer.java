package dev.keelson.config.template;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders the subset of Go's text/template that ContainerPilot configs use: <code>{{.VAR}}</code>,
 * pipelines through {@code default}, {@code split}, {@code join}, {@code replaceAll} and {@code
 * regexReplaceAll}, string and number literals, trim markers (<code>{{- </code>, <code> -}}</code>)
 * and comments (<code>{{/* *&#47;}}</code>).
 *
 * <p>An unset variable renders as the empty string (Go's {@code missingkey=zero} over a string map,
 * as ContainerPilot does). The renderer never reads the process environment: the caller passes an
 * {@link Environment}. It works on raw text, before any parsing, so a value containing a quote can
 * still break the JSON that follows; that is the caller's concern, as it was ContainerPilot's.
 */
public final class TemplateRenderer {

  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  private TemplateRenderer() {}

  /**
   * Renders {@code template} against {@code environment}.
   *
   * @throws TemplateException for a syntax error or an unusable function argument, with the 1-based
   *     line and column of the offending action or token
   */
  public static String render(String template, Environment environment) throws TemplateException {
    Positions positions = new Positions(template);
    StringBuilder out = new StringBuilder(template.length());
    int index = 0;
    while (true) {
      int open = template.indexOf(OPEN, index);
      if (open < 0) {
        out.append(template, index, template.length());
        return out.toString();
      }
      out.append(template, index, open);
      int contentStart = open + OPEN.length();
      boolean trimBefore = isTrimMarker(template, contentStart);
      if (trimBefore) {
        trimTrailingSpace(out);
        contentStart += 2;
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
      out.append(evaluate(template, contentStart, contentEnd, environment, positions, open));
      index = close + CLOSE.length();
      if (trimAfter) {
        while (index < template.length() && Character.isWhitespace(template.charAt(index))) {
          index++;
        }
      }
    }
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

  private static String evaluate(
      String text, int start, int end, Environment environment, Positions positions, int open)
      throws TemplateException {
    String content = text.substring(start, end).strip();
    if (content.startsWith("/*")) {
      if (!content.endsWith("*/")) {
        throw positions.error("unclosed comment", open);
      }
      return "";
    }
    List<Token> tokens = ActionLexer.tokenize(text, start, end, positions);
    if (tokens.isEmpty()) {
      throw positions.error("missing value for command", open);
    }
    return TemplateFunctions.text(new Pipeline(tokens, environment, positions).run());
  }

  /** Evaluates one action's tokens: stages separated by '|', each feeding the next. */
  private record Pipeline(List<Token> tokens, Environment environment, Positions positions) {

    Object run() throws TemplateException {
      List<List<Token>> stages = splitStages();
      Object value = null;
      for (int stage = 0; stage < stages.size(); stage++) {
        value = runStage(stages.get(stage), stage, value);
      }
      if (value == null) {
        throw new IllegalStateException("invalid usage; a pipeline has at least one stage");
      }
      return value;
    }

    private List<List<Token>> splitStages() throws TemplateException {
      List<List<Token>> stages = new ArrayList<>();
      List<Token> current = new ArrayList<>();
      for (Token token : tokens) {
        if (token.kind() == Token.Kind.PIPE) {
          if (current.isEmpty()) {
            throw positions.error("missing command before '|'", token.offset());
          }
          stages.add(current);
          current = new ArrayList<>();
        } else {
          current.add(token);
        }
      }
      if (current.isEmpty()) {
        throw positions.error("missing command after '|'", tokens.get(tokens.size() - 1).offset());
      }
      stages.add(current);
      return stages;
    }

    private Object runStage(List<Token> stage, int number, @Nullable Object piped)
        throws TemplateException {
      Token head = stage.get(0);
      if (head.kind() != Token.Kind.IDENTIFIER) {
        if (number > 0) {
          throw positions.error(
              "non executable command in pipeline stage " + (number + 1), head.offset());
        }
        if (stage.size() > 1) {
          throw positions.error(
              "can't give argument to non-function " + describe(head), stage.get(1).offset());
        }
        return operand(head);
      }
      return call(head, stage.subList(1, stage.size()), piped);
    }

    private Object call(Token function, List<Token> argTokens, @Nullable Object piped)
        throws TemplateException {
      String name = function.text();
      if (!TemplateFunctions.exists(name)) {
        throw positions.error("function \"" + name + "\" not defined", function.offset());
      }
      List<Object> args = new ArrayList<>();
      for (Token token : argTokens) {
        if (token.kind() == Token.Kind.IDENTIFIER) {
          throw positions.error(
              "nested function calls need parentheses, which are not supported: " + token.text(),
              token.offset());
        }
        args.add(operand(token));
      }
      if (piped != null) {
        args.add(piped);
      }
      int want = TemplateFunctions.arity(name);
      if (args.size() != want) {
        throw positions.error(
            "wrong number of args for " + name + ": want " + want + " got " + args.size(),
            function.offset());
      }
      try {
        return TemplateFunctions.call(name, args);
      } catch (IllegalArgumentException e) {
        throw positions.error(String.valueOf(e.getMessage()), function.offset());
      }
    }

    private Object operand(Token token) {
      return switch (token.kind()) {
        case FIELD -> environment.lookup(token.text()).orElse("");
        case STRING, NUMBER -> token.text();
        case IDENTIFIER, PIPE -> throw new IllegalStateException("invalid usage; not an operand");
      };
    }

    private static String describe(Token token) {
      return token.kind() == Token.Kind.FIELD ? "." + token.text() : token.text();
    }
  }
}
