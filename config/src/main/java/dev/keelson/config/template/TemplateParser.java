package dev.keelson.config.template;

import dev.keelson.config.template.Node.Command;
import dev.keelson.config.template.Node.Operand;
import dev.keelson.config.template.Node.Pipeline;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses a template into {@link Node}s, as Go's text/template does: text, actions, and the {@code
 * if}, {@code with} and {@code range} structures with their {@code else} and {@code end}. Every
 * error carries the position of the action or token at fault.
 */
final class TemplateParser {

  /** Go's keywords that are not functions; those we do not support are named in the error. */
  private static final Set<String> UNSUPPORTED =
      Set.of("define", "template", "block", "break", "continue");

  private static final Set<String> KEYWORDS =
      Set.of(
          "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue");

  private final Positions positions;
  private final List<TemplateScanner.Piece> pieces;
  private int next;

  /**
   * The variables in scope where the parser is, as Go's parser keeps them: {@code $}, and each
   * declared one until the {@code end} of the structure it was declared in. A variable used outside
   * them is an error at parse time, even in a branch that would never run.
   */
  private final List<String> variables = new ArrayList<>(List.of("$"));

  private TemplateParser(Positions positions, List<TemplateScanner.Piece> pieces) {
    this.positions = positions;
    this.pieces = pieces;
  }

  static List<Node> parse(String template) throws TemplateException {
    Positions positions = new Positions(template);
    TemplateParser parser =
        new TemplateParser(positions, TemplateScanner.scan(template, positions));
    Body body = parser.list();
    if (body.end() != null) {
      throw positions.error("unexpected {{" + body.end().keyword() + "}}", body.end().offset());
    }
    return body.nodes();
  }

  /** The nodes up to an {@code else} or {@code end} (which is returned) or the end of the text. */
  private record Body(List<Node> nodes, TemplateScanner.@Nullable Action end) {}

  private Body list() throws TemplateException {
    List<Node> nodes = new ArrayList<>();
    while (next < pieces.size()) {
      TemplateScanner.Piece piece = pieces.get(next++);
      if (piece instanceof TemplateScanner.Text text) {
        if (!text.text().isEmpty()) {
          nodes.add(new Node.Text(text.text()));
        }
        continue;
      }
      TemplateScanner.Action action = (TemplateScanner.Action) piece;
      switch (action.keyword()) {
        case "end", "else" -> {
          return new Body(nodes, action);
        }
        case "if" -> nodes.add(conditional(action, 0, false));
        case "with" -> nodes.add(conditional(action, 0, true));
        case "range" -> nodes.add(range(action));
        default -> {
          if (UNSUPPORTED.contains(action.keyword())) {
            throw positions.error(
                "{{" + action.keyword() + "}} is not supported", action.tokens().get(0).offset());
          }
          nodes.add(new Node.Output(pipeline(action.tokens(), 0, "command", 1)));
        }
      }
    }
    return new Body(nodes, null);
  }

  /** {@code if} or {@code with} whose keyword is token {@code at} of {@code action}. */
  private Node conditional(TemplateScanner.Action action, int at, boolean with)
      throws TemplateException {
    return inScope(() -> conditionalInScope(action, at, with));
  }

  /** Parses a block whose variables go out of scope at its end, as Go's parser scopes them. */
  private Node inScope(BlockParser block) throws TemplateException {
    int scope = variables.size();
    try {
      return block.parse();
    } finally {
      variables.subList(scope, variables.size()).clear();
    }
  }

  @FunctionalInterface
  private interface BlockParser {
    Node parse() throws TemplateException;
  }

  private Node conditionalInScope(TemplateScanner.Action action, int at, boolean with)
      throws TemplateException {
    String keyword = with ? "with" : "if";
    Pipeline pipeline = pipeline(action.tokens(), at + 1, keyword, 1);
    Body body = closed(list(), action, keyword);
    TemplateScanner.Action end = body.end();
    if (end == null || "end".equals(end.keyword())) {
      return new Node.Conditional(with, pipeline, body.nodes(), List.of());
    }
    List<Token> elseTokens = end.tokens();
    if (elseTokens.size() > 1) {
      Token chained = elseTokens.get(1);
      if (chained.kind() != Token.Kind.IDENTIFIER || !keyword.equals(chained.text())) {
        throw positions.error(
            "{{else}} may only be followed by " + keyword + ", not " + chained.text(),
            chained.offset());
      }
      Node otherwise = conditional(end, 1, with);
      return new Node.Conditional(with, pipeline, body.nodes(), List.of(otherwise));
    }
    return new Node.Conditional(with, pipeline, body.nodes(), lastBranch(end, keyword));
  }

  private Node range(TemplateScanner.Action action) throws TemplateException {
    return inScope(() -> rangeInScope(action));
  }

  private Node rangeInScope(TemplateScanner.Action action) throws TemplateException {
    Pipeline pipeline = pipeline(action.tokens(), 1, "range", 2);
    Body body = closed(list(), action, "range");
    TemplateScanner.Action end = body.end();
    if (end == null || "end".equals(end.keyword())) {
      return new Node.Range(pipeline, body.nodes(), List.of());
    }
    if (end.tokens().size() > 1) {
      throw positions.error("{{else}} of a range takes nothing more", end.tokens().get(1).offset());
    }
    return new Node.Range(pipeline, body.nodes(), lastBranch(end, "range"));
  }

  /** The body of a final {@code else}, which must be closed by a plain {@code end}. */
  private List<Node> lastBranch(TemplateScanner.Action elseAction, String keyword)
      throws TemplateException {
    Body otherwise = closed(list(), elseAction, keyword);
    TemplateScanner.Action end = otherwise.end();
    if (end != null && !"end".equals(end.keyword())) {
      throw positions.error("expected {{end}}, found a second {{else}}", end.offset());
    }
    return otherwise.nodes();
  }

  /**
   * {@code body}, checked to end with an {@code else} or a bare {@code end}, not the text's end.
   */
  private Body closed(Body body, TemplateScanner.Action opening, String keyword)
      throws TemplateException {
    TemplateScanner.Action end = body.end();
    if (end == null) {
      throw positions.error("{{" + keyword + "}} has no matching {{end}}", opening.offset());
    }
    if ("end".equals(end.keyword()) && end.tokens().size() > 1) {
      throw positions.error("{{end}} takes nothing more", end.tokens().get(1).offset());
    }
    return body;
  }

  /**
   * The pipeline of {@code tokens} from {@code from}, which may declare up to {@code maxVariables}
   * variables; {@code context} names what it belongs to in errors.
   */
  private Pipeline pipeline(List<Token> tokens, int from, String context, int maxVariables)
      throws TemplateException {
    int start = from;
    List<String> names = new ArrayList<>();
    boolean declares = false;
    int assignment = assignment(tokens, from);
    if (assignment >= 0) {
      for (int i = from; i < assignment; i += 2) {
        names.add(tokens.get(i).text());
      }
      if (names.size() > maxVariables) {
        throw positions.error("too many declarations in " + context, tokens.get(from).offset());
      }
      declares = tokens.get(assignment).kind() == Token.Kind.DECLARE;
      for (int i = from; i < assignment; i += 2) {
        Token variable = tokens.get(i);
        if (declares) {
          variables.add(variable.text());
        } else {
          requireDeclared(variable.text(), variable.offset());
        }
      }
      start = assignment + 1;
    }
    int offset = from < tokens.size() ? tokens.get(from).offset() : tokens.get(0).offset();
    if (start >= tokens.size()) {
      throw positions.error("missing value for " + context, offset);
    }
    return new Pipeline(names, declares, commands(tokens, start, tokens.size()), offset);
  }

  /**
   * The index of the {@code :=} or {@code =} when {@code tokens} from {@code from} start with
   * {@code $x :=} or {@code $x, $y :=}; -1 otherwise.
   */
  private static int assignment(List<Token> tokens, int from) {
    int i = from;
    while (i + 1 < tokens.size()
        && tokens.get(i).kind() == Token.Kind.VARIABLE
        && tokens.get(i).text().indexOf('.') < 0) {
      Token.Kind after = tokens.get(i + 1).kind();
      if (after == Token.Kind.DECLARE || after == Token.Kind.ASSIGN) {
        return i + 1;
      }
      if (after != Token.Kind.COMMA) {
        return -1;
      }
      i += 2;
    }
    return -1;
  }

  private List<Command> commands(List<Token> tokens, int from, int to) throws TemplateException {
    List<Command> commands = new ArrayList<>();
    int stageStart = from;
    int depth = 0;
    for (int i = from; i <= to; i++) {
      Token token = i < to ? tokens.get(i) : null;
      if (token != null && token.kind() == Token.Kind.LEFT_PAREN) {
        depth++;
      } else if (token != null && token.kind() == Token.Kind.RIGHT_PAREN) {
        depth--;
      }
      if (token == null || (depth == 0 && token.kind() == Token.Kind.PIPE)) {
        if (i == stageStart) {
          throw positions.error(
              token == null ? "missing command after '|'" : "missing command before '|'",
              tokens.get(Math.max(from, i - 1)).offset());
        }
        commands.add(command(tokens, stageStart, i, commands.size()));
        stageStart = i + 1;
      }
    }
    return commands;
  }

  private Command command(List<Token> tokens, int from, int to, int stage)
      throws TemplateException {
    List<Operand> operands = new ArrayList<>();
    int i = from;
    while (i < to) {
      Token token = tokens.get(i);
      if (token.kind() == Token.Kind.LEFT_PAREN) {
        int close = matchingParen(tokens, i, to);
        if (close == i + 1) {
          throw positions.error("missing value for parenthesized pipeline", token.offset());
        }
        List<Token> inner = tokens.subList(i + 1, close);
        operands.add(
            new Operand.Group(pipeline(inner, 0, "parenthesized pipeline", 1), token.offset()));
        i = close + 1;
      } else {
        operands.add(operand(token));
        i++;
      }
    }
    Operand head = operands.get(0);
    if (!(head instanceof Operand.Function)) {
      if (stage > 0) {
        throw positions.error(
            "non executable command in pipeline stage " + (stage + 1), head.offset());
      }
      if (operands.size() > 1) {
        throw positions.error(
            "can't give argument to non-function " + describe(tokens.get(from)),
            operands.get(1).offset());
      }
      if (head instanceof Operand.Literal literal && literal.value() == null) {
        throw positions.error("nil is not a command", head.offset());
      }
    }
    return new Command(List.copyOf(operands), head.offset());
  }

  private int matchingParen(List<Token> tokens, int open, int to) throws TemplateException {
    int depth = 0;
    for (int i = open; i < to; i++) {
      Token.Kind kind = tokens.get(i).kind();
      if (kind == Token.Kind.LEFT_PAREN) {
        depth++;
      } else if (kind == Token.Kind.RIGHT_PAREN && --depth == 0) {
        return i;
      }
    }
    throw positions.error("unclosed left paren", tokens.get(open).offset());
  }

  private Operand operand(Token token) throws TemplateException {
    int offset = token.offset();
    return switch (token.kind()) {
      case FIELD -> new Operand.Field(token.text(), offset);
      case DOT -> new Operand.Dot(offset);
      case VARIABLE -> checked(variable(token));
      case STRING -> new Operand.Literal(token.text(), token.text(), offset);
      case NUMBER -> new Operand.Literal(number(token), token.text(), offset);
      case IDENTIFIER -> identifier(token);
      case RIGHT_PAREN -> throw positions.error("unexpected right paren", offset);
      case PIPE, LEFT_PAREN, DECLARE, ASSIGN, COMMA ->
          throw positions.error("unexpected \"" + token.text() + "\" in command", offset);
    };
  }

  private Operand checked(Operand variable) throws TemplateException {
    Operand.Variable used = (Operand.Variable) variable;
    requireDeclared(used.name(), used.offset());
    return variable;
  }

  private void requireDeclared(String name, int offset) throws TemplateException {
    if (!variables.contains(name)) {
      throw positions.error("undefined variable: " + name, offset);
    }
  }

  private static Operand variable(Token token) {
    String text = token.text();
    int dot = text.indexOf('.');
    if (dot < 0) {
      return new Operand.Variable(text, null, token.offset());
    }
    return new Operand.Variable(text.substring(0, dot), text.substring(dot + 1), token.offset());
  }

  private Operand identifier(Token token) throws TemplateException {
    String name = token.text();
    return switch (name) {
      case "true", "false" -> new Operand.Literal(Boolean.valueOf(name), name, token.offset());
      case "nil" -> new Operand.Literal(null, name, token.offset());
      default -> {
        if (KEYWORDS.contains(name)) {
          throw positions.error("unexpected <" + name + "> in command", token.offset());
        }
        if (!TemplateFunctions.exists(name)) {
          throw positions.error("function \"" + name + "\" not defined", token.offset());
        }
        yield new Operand.Function(name, token.offset());
      }
    };
  }

  /**
   * A number as Go's template parser reads it: an integer (decimal, {@code 0x}, {@code 0o}, {@code
   * 0b}, a leading-zero octal, {@code _} separators) or a float; a character constant is its code
   * point.
   */
  private Object number(Token token) throws TemplateException {
    String text = token.text();
    if (text.startsWith("'")) {
      return character(token);
    }
    String digits = text.replace("_", "");
    boolean negative = digits.startsWith("-");
    String unsigned =
        digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
    try {
      BigInteger value = integer(unsigned.toLowerCase(java.util.Locale.ROOT));
      if (value != null) {
        return (negative ? value.negate() : value).longValueExact();
      }
      if (unsigned.matches("(\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+")) {
        return Double.parseDouble(digits);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // out of range or malformed: reported below
    }
    throw positions.error("illegal number syntax: " + text, token.offset());
  }

  private static @Nullable BigInteger integer(String text) {
    if (text.matches("0x[0-9a-f]+")) {
      return new BigInteger(text.substring(2), 16);
    }
    if (text.matches("0o[0-7]+")) {
      return new BigInteger(text.substring(2), 8);
    }
    if (text.matches("0b[01]+")) {
      return new BigInteger(text.substring(2), 2);
    }
    if (text.matches("0[0-7]+")) {
      return new BigInteger(text.substring(1), 8);
    }
    if (text.matches("[1-9]\\d*|0")) {
      return new BigInteger(text);
    }
    return null;
  }

  private Object character(Token token) throws TemplateException {
    String inside = token.text().substring(1, token.text().length() - 1);
    String value = inside;
    if (inside.startsWith("\\") && inside.length() == 2) {
      value =
          switch (inside.charAt(1)) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '\\' -> "\\";
            case '\'' -> "'";
            default -> inside;
          };
    }
    if (value.codePointCount(0, value.length()) != 1) {
      throw positions.error("malformed character constant: " + token.text(), token.offset());
    }
    return (long) value.codePointAt(0);
  }

  private static String describe(Token token) {
    return switch (token.kind()) {
      case FIELD -> "." + token.text();
      default -> token.text();
    };
  }
}
