package dev.keelson.config.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The functions a config template may call: Go's built-ins ({@code and or not len index print
 * printf println eq ne lt le gt ge html js urlquery}) and ContainerPilot's ({@code default}; from
 * 2.6.1 {@code split join replaceAll regexReplaceAll}). As in Go templates, a value piped into a
 * function is its <em>last</em> argument: {@code {{ .HOSTS | split "," | join ";" }}} is {@code
 * join(";", split(",", HOSTS))}.
 */
final class TemplateFunctions {

  /** How many arguments a function takes: at least {@code min}, at most {@code max}. */
  private record Arity(int min, int max) {
    static final int ANY = Integer.MAX_VALUE;
  }

  private static final Map<String, Arity> ARITIES =
      Map.ofEntries(
          Map.entry("default", new Arity(2, 2)),
          Map.entry("split", new Arity(2, 2)),
          Map.entry("join", new Arity(2, 2)),
          Map.entry("replaceAll", new Arity(3, 3)),
          Map.entry("regexReplaceAll", new Arity(3, 3)),
          Map.entry("and", new Arity(1, Arity.ANY)),
          Map.entry("or", new Arity(1, Arity.ANY)),
          Map.entry("not", new Arity(1, 1)),
          Map.entry("len", new Arity(1, 1)),
          Map.entry("index", new Arity(1, Arity.ANY)),
          Map.entry("print", new Arity(0, Arity.ANY)),
          Map.entry("println", new Arity(0, Arity.ANY)),
          Map.entry("printf", new Arity(1, Arity.ANY)),
          Map.entry("eq", new Arity(2, Arity.ANY)),
          Map.entry("ne", new Arity(2, 2)),
          Map.entry("lt", new Arity(2, 2)),
          Map.entry("le", new Arity(2, 2)),
          Map.entry("gt", new Arity(2, 2)),
          Map.entry("ge", new Arity(2, 2)),
          Map.entry("html", new Arity(0, Arity.ANY)),
          Map.entry("js", new Arity(0, Arity.ANY)),
          Map.entry("urlquery", new Arity(0, Arity.ANY)));

  private TemplateFunctions() {}

  static boolean exists(String name) {
    return ARITIES.containsKey(name);
  }

  /**
   * Calls {@code name}, which {@link #exists}.
   *
   * @throws IllegalArgumentException with a user-facing reason for a wrong number of arguments or
   *     an unusable one
   */
  static @Nullable Object call(String name, List<@Nullable Object> args) {
    Arity arity = ARITIES.get(name);
    if (arity == null) {
      throw new IllegalStateException("invalid usage; unknown function " + name);
    }
    if (args.size() < arity.min() || args.size() > arity.max()) {
      String want = arity.min() == arity.max() ? "" + arity.min() : "at least " + arity.min();
      throw new IllegalArgumentException(
          "wrong number of args for " + name + ": want " + want + " got " + args.size());
    }
    return switch (name) {
      case "default" -> defaultValue(args.get(0), args.get(1));
      case "split" -> split(text(args.get(0)), text(args.get(1)));
      case "join" -> join(text(args.get(0)), args.get(1));
      case "replaceAll" -> text(args.get(2)).replace(text(args.get(0)), text(args.get(1)));
      case "regexReplaceAll" ->
          regexReplaceAll(text(args.get(0)), text(args.get(1)), text(args.get(2)));
      case "and" -> and(args);
      case "or" -> or(args);
      case "not" -> !GoValues.truth(args.get(0));
      case "len" -> length(args.get(0));
      case "index" -> index(args.get(0), args.subList(1, args.size()));
      case "print" -> GoValues.sprint(args);
      case "println" -> GoValues.sprintln(args);
      case "printf" -> GoFormat.sprintf(text(args.get(0)), args.subList(1, args.size()));
      case "eq" -> equalsAny(args.get(0), args.subList(1, args.size()));
      case "ne" -> !Comparisons.equal(args.get(0), args.get(1));
      case "lt" -> Comparisons.compare(args.get(0), args.get(1)) < 0;
      case "le" -> Comparisons.compare(args.get(0), args.get(1)) <= 0;
      case "gt" -> Comparisons.compare(args.get(0), args.get(1)) > 0;
      case "ge" -> Comparisons.compare(args.get(0), args.get(1)) >= 0;
      case "html" -> Escapes.html(escapeInput(args));
      case "js" -> Escapes.js(escapeInput(args));
      case "urlquery" -> Escapes.urlQuery(escapeInput(args));
      default -> throw new IllegalStateException("invalid usage; unknown function " + name);
    };
  }

  /** ContainerPilot's {@code default}: the value unless it is empty, then the fallback. */
  private static @Nullable Object defaultValue(@Nullable Object fallback, @Nullable Object value) {
    boolean empty =
        value == null
            || (value instanceof List<?> list && list.isEmpty())
            || (value instanceof String string && string.isEmpty());
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

  private static String join(String separator, @Nullable Object value) {
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

  /** The first argument that is false, or the last. */
  private static @Nullable Object and(List<@Nullable Object> args) {
    for (Object arg : args) {
      if (!GoValues.truth(arg)) {
        return arg;
      }
    }
    return args.get(args.size() - 1);
  }

  /** The first argument that is true, or the last. */
  private static @Nullable Object or(List<@Nullable Object> args) {
    for (Object arg : args) {
      if (GoValues.truth(arg)) {
        return arg;
      }
    }
    return args.get(args.size() - 1);
  }

  /** Go's {@code len}: a string's length in bytes, as Go counts it; a list's or map's size. */
  private static long length(@Nullable Object value) {
    if (value instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }
    if (value instanceof List<?> list) {
      return list.size();
    }
    if (value instanceof Map<?, ?> map) {
      return map.size();
    }
    throw new IllegalArgumentException(
        "error calling len: len of type " + GoValues.typeName(value));
  }

  /** Go's {@code index}: a list's item by position, a map's value by key (unset: ""). */
  private static @Nullable Object index(@Nullable Object item, List<@Nullable Object> keys) {
    Object current = item;
    for (Object key : keys) {
      if (current instanceof List<?> list && key instanceof Long position) {
        if (position < 0 || position >= list.size()) {
          throw new IllegalArgumentException(
              "error calling index: index out of range: " + position);
        }
        current = list.get(position.intValue());
      } else if (current instanceof Map<?, ?> map && key instanceof String name) {
        Object value = map.get(name);
        current = value == null ? "" : value;
      } else if (current instanceof String text && key instanceof Long position) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (position < 0 || position >= bytes.length) {
          throw new IllegalArgumentException(
              "error calling index: index out of range: " + position);
        }
        current = (long) (bytes[position.intValue()] & 0xff);
      } else if (current == null) {
        throw new IllegalArgumentException("error calling index: index of untyped nil");
      } else {
        throw new IllegalArgumentException(
            "error calling index: cannot index "
                + GoValues.typeName(current)
                + " with "
                + GoValues.typeName(key));
      }
    }
    return current;
  }

  /** Go's {@code eq a b c}: a equals b, or a equals c. */
  private static boolean equalsAny(@Nullable Object first, List<@Nullable Object> others) {
    for (Object other : others) {
      if (Comparisons.equal(first, other)) {
        return true;
      }
    }
    return false;
  }

  /** What the escaping functions work on: a lone string as is, otherwise Go's Sprint. */
  private static String escapeInput(List<@Nullable Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String text) {
      return text;
    }
    return GoValues.sprint(args);
  }

  /** How a value prints, as Go's {@code %v} prints it. */
  static String text(@Nullable Object value) {
    return GoValues.print(value);
  }

  private static String quote(String value) {
    return "\"" + value + "\"";
  }
}
