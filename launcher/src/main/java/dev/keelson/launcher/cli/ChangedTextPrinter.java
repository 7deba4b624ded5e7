package dev.keelson.launcher.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/**
 * Prints a block of lines only when it differs from the block it printed last, so that a watched
 * file that stays bad, or keeps its warnings, is reported once rather than every round.
 */
final class ChangedTextPrinter {

  private @Nullable String last;

  /** Prints {@code text} unless it was the last one printed; an empty text prints nothing. */
  void print(String text, PrintWriter err) {
    if (text.isEmpty()) {
      last = null;
      return;
    }
    if (!text.equals(last)) {
      err.println(text);
      err.flush();
      last = text;
    }
  }

  /** Forgets the last text, so that it is printed again should it come back. */
  void reset() {
    last = null;
  }
}
