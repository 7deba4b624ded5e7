package dev.keelson.config.command;

import java.util.List;

/**
 * An executable and its arguments, ready to exec: {@code argv[0]} is looked up on {@code PATH}
 * unless it contains a '/'. Never empty.
 */
public record Command(List<String> argv) {

  public Command {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("invalid usage; a command needs at least an executable");
    }
  }

  public static Command of(String... argv) {
    return new Command(List.of(argv));
  }

  public String executable() {
    return argv.get(0);
  }

  public List<String> arguments() {
    return argv.subList(1, argv.size());
  }

  /** The argv as one line for logs; arguments with spaces or quotes are single-quoted. */
  public String display() {
    StringBuilder line = new StringBuilder();
    for (String arg : argv) {
      if (line.length() > 0) {
        line.append(' ');
      }
      boolean plain = !arg.isEmpty() && arg.chars().noneMatch(c -> " \t\n'\"\\$`".indexOf(c) >= 0);
      line.append(plain ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }
}
