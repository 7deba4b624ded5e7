package dev.keelson.launcher.cli;

import dev.keelson.launcher.engine.TerminalWindow;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The controlling terminal in raw mode while a container's TTY is attached to it, so keys reach the
 * container as typed (Ctrl-C included) and its TTY does the echoing, as with {@code docker run
 * -it}. The settings are saved with {@code stty -g} and restored on close. When stdin or stdout is
 * not a terminal (a pipe, a file), nothing is changed.
 */
final class RawTerminal implements AutoCloseable {

  private static final File TTY = new File("/dev/tty");

  private final @Nullable String saved;

  private RawTerminal(@Nullable String saved) {
    this.saved = saved;
  }

  /** Leaves the terminal as it is. */
  static RawTerminal unchanged() {
    return new RawTerminal(null);
  }

  /** Raw mode if paunch runs on a terminal; otherwise a no-op. */
  static RawTerminal enter() {
    if (!isTerminal(0) || !isTerminal(1)) {
      return unchanged();
    }
    String saved = stty("-g").strip();
    stty("raw", "-echo");
    return new RawTerminal(saved);
  }

  /** Whether this process's file descriptor {@code fd} is a terminal (Linux: /proc names it). */
  private static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The window a container's TTY is shown on: this terminal's, or none when unchanged. */
  TerminalWindow window() {
    return saved == null ? TerminalWindow.NONE : new TtyWindow();
  }

  @Override
  public void close() {
    if (saved != null) {
      stty(saved);
    }
  }

  /** Runs stty on the controlling terminal; its output. */
  static String stty(String... args) {
    List<String> command = new ArrayList<>();
    command.add("stty");
    command.addAll(List.of(args));
    try {
      Process stty = new ProcessBuilder(command).redirectInput(TTY).start();
      String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!stty.waitFor(5, TimeUnit.SECONDS) || stty.exitValue() != 0) {
        throw new CliFailure(
            "could not set the terminal mode (stty " + String.join(" ", args) + ")");
      }
      return output;
    } catch (IOException e) {
      throw new CliFailure("could not set the terminal mode: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted while setting the terminal mode");
    }
  }
}
