package dev.keelson.config.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the string form of a command into argv the way a POSIX shell splits words, without any
 * expansion: whitespace separates words; {@code '...'} keeps everything literally; {@code "..."}
 * keeps everything except that a backslash escapes {@code " \ $ `}; outside quotes a backslash
 * escapes the next character. So {@code sh -c 'echo a b'} is {@code [sh, -c, echo a b]}.
 *
 * <p>ContainerPilot 2.0.1 split on every single space instead, so quotes stayed in the arguments
 * and a double space produced an empty argument (docs/compatibility.md). A command that needs shell
 * features (pipes, variables) still has to run a shell itself: {@code sh -c '...'}.
 */
public final class CommandParser {

  private CommandParser() {}

  /**
   * Splits {@code line}; a blank line means "no command" and yields an empty optional.
   *
   * @throws CommandSyntaxException for an unterminated quote or a trailing backslash
   */
  public static Optional<Command> parse(String line) throws CommandSyntaxException {
    List<String> words = split(line);
    return words.isEmpty() ? Optional.empty() : Optional.of(new Command(words));
  }

  /** The words of {@code line}; empty for a blank line. */
  public static List<String> split(String line) throws CommandSyntaxException {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int index = 0;
    while (index < line.length()) {
      char c = line.charAt(index);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        index++;
        continue;
      }
      inWord = true;
      index =
          switch (c) {
            case '\'' -> singleQuoted(line, index, word);
            case '"' -> doubleQuoted(line, index, word);
            case '\\' -> escaped(line, index, word);
            default -> {
              word.append(c);
              yield index + 1;
            }
          };
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static int singleQuoted(String line, int quote, StringBuilder word)
      throws CommandSyntaxException {
    int close = line.indexOf('\'', quote + 1);
    if (close < 0) {
      throw new CommandSyntaxException("unterminated single quote", quote + 1);
    }
    word.append(line, quote + 1, close);
    return close + 1;
  }

  private static int doubleQuoted(String line, int quote, StringBuilder word)
      throws CommandSyntaxException {
    int index = quote + 1;
    while (index < line.length()) {
      char c = line.charAt(index);
      if (c == '"') {
        return index + 1;
      }
      if (c == '\\' && index + 1 < line.length() && "\"\\$`".indexOf(line.charAt(index + 1)) >= 0) {
        word.append(line.charAt(index + 1));
        index += 2;
        continue;
      }
      word.append(c);
      index++;
    }
    throw new CommandSyntaxException("unterminated double quote", quote + 1);
  }

  private static int escaped(String line, int backslash, StringBuilder word)
      throws CommandSyntaxException {
    if (backslash + 1 >= line.length()) {
      throw new CommandSyntaxException("trailing backslash", backslash + 1);
    }
    char next = line.charAt(backslash + 1);
    if (next != '\n') {
      word.append(next);
    }
    return backslash + 2;
  }
}
