package dev.keelson.config.template;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The functions a config template may call. As in Go templates, a value piped into a function is
 * its <em>last</em> argument: {@code {{ .HOSTS | split "," | join ";" }}} is {@code join(";",
 * split(",", HOSTS))}. Values are strings or lists of strings.
 */
final class TemplateFunctions {

  private TemplateFunctions() {}

  static boolean exists(String name) {
    return arity(name) >= 0;
  }

  /** How many arguments {@code name} takes, or -1 if there is no such function. */
  static int arity(String name) {
    return switch (name) {
      case "default", "split", "join" -> 2;
      case "replaceAll", "regexReplaceAll" -> 3;
      default -> -1;
    };
  }

  /**
   * Calls {@code name}; arguments are already checked for count.
   *
   * @throws IllegalArgumentException with a user-facing reason when an argument is unusable
   */
  static Object call(String name, List<Object> args) {
    return switch (name) {
      case "default" -> defaultValue(args.get(0), args.get(1));
      case "split" -> split(text(args.get(0)), text(args.get(1)));
      case "join" -> join(text(args.get(0)), args.get(1));
      case "replaceAll" -> text(args.get(2)).replace(text(args.get(0)), text(args.get(1)));
      case "regexReplaceAll" ->
          regexReplaceAll(text(args.get(0)), text(args.get(1)), text(args.get(2)));
      default -> throw new IllegalStateException("invalid usage; unknown function " + name);
    };
  }

  /** ContainerPilot's {@code default}: the value unless it is empty, then the fallback. */
  private static Object defaultValue(Object fallback, Object value) {
    boolean empty = value instanceof List<?> list ? list.isEmpty() : text(value).isEmpty();
    return empty ? fallback : value;
  }

  /** Splits on every occurrence of {@code separator}; an empty input is an empty list. */
  private static List<String> split(String separator, String value) {
    if (value.isEmpty()) {
      return List.of();
    }
    if (separator.isEmpty()) {
      return value.codePoints().mapToObj(Character::toString).toList();
    }
    return Arrays.asList(value.split(Pattern.quote(separator), -1));
  }

  private static String join(String separator, Object value) {
    if (value instanceof List<?> list) {
      return String.join(separator, list.stream().map(TemplateFunctions::text).toList());
    }
    return text(value);
  }

  private static String regexReplaceAll(String regex, String replacement, String value) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "regexReplaceAll: invalid regular expression " + quote(regex) + ": " + e.getDescription(),
          e);
    }
    Matcher matcher = pattern.matcher(value);
    try {
      return matcher.replaceAll(replacement);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "regexReplaceAll: invalid replacement " + quote(replacement) + ": " + e.getMessage(), e);
    }
  }

  /**
   * How a value prints: a string as is, a list as Go's {@code %v} prints a slice ({@code [a b]}).
   */
  static String text(Object value) {
    if (value instanceof List<?> list) {
      return "[" + String.join(" ", list.stream().map(TemplateFunctions::text).toList()) + "]";
    }
    return value.toString();
  }

  private static String quote(String value) {
    return "\"" + value + "\"";
  }
}
