package dev.keelson.launcher.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code paunch watch --syslog}: every line watch prints also goes to the system log, through one
 * long-lived util-linux {@code logger} process (the JDK cannot write to {@code /dev/log}, a unix
 * datagram socket). Each line carries its own priority ({@code logger --prio-prefix}): facility
 * daemon, severity info for what stdout shows, warning for what stderr shows. {@code
 * PAUNCH_SYSLOG_SOCKET} names another socket than logger's default.
 */
final class SyslogSink implements AutoCloseable {

  /** syslog's daemon facility, shifted as a priority wants it. */
  private static final int DAEMON = 3 << 3;

  static final int INFO = 6;
  static final int WARNING = 4;

  private final Process logger;
  private final OutputStream lines;
  private final PrintWriter err;
  private boolean broken;

  private SyslogSink(Process logger, PrintWriter err) {
    this.logger = logger;
    this.lines = logger.getOutputStream();
    this.err = err;
  }

  /**
   * Starts {@code logger}; a failure to start it is a {@link CliFailure}, before anything else is
   * done. Problems {@code logger} itself meets (no syslog socket, say) go to paunch's stderr.
   */
  static SyslogSink start(Map<String, String> environment, PrintWriter err) {
    if (!onPath("logger", environment.getOrDefault("PATH", ""))) {
      throw new CliFailure("--syslog needs util-linux's logger on the PATH, and there is none");
    }
    // logger ignores the signals that stop paunch (a terminal's Ctrl-C, systemd's TERM to the
    // whole unit), so it still sends the last lines and ends when paunch's side of the pipe closes
    List<String> command =
        new ArrayList<>(
            List.of(
                "sh",
                "-c",
                "trap '' INT TERM HUP; exec logger \"$@\"",
                "logger",
                "--prio-prefix",
                "--tag",
                "paunch"));
    command.add("--id=" + ProcessHandle.current().pid());
    String socket = environment.get("PAUNCH_SYSLOG_SOCKET");
    if (socket != null && !socket.isEmpty()) {
      command.add("--socket");
      command.add(socket);
    }
    try {
      Process logger =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return new SyslogSink(logger, err);
    } catch (IOException e) {
      throw new CliFailure("--syslog needs util-linux's logger on the PATH: " + e.getMessage());
    }
  }

  /** Whether an executable {@code name} is in one of {@code path}'s directories. */
  static boolean onPath(String name, String path) {
    for (String directory : path.split(":", -1)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A writer that prints to {@code target} and sends each whole line to syslog at {@code severity}.
   */
  PrintWriter tee(PrintWriter target, int severity) {
    return new PrintWriter(new LineTee(target, severity), true);
  }

  private synchronized void send(int severity, String line) {
    if (broken || line.isBlank()) {
      return;
    }
    try {
      lines.write(("<" + (DAEMON + severity) + ">" + line + "\n").getBytes(StandardCharsets.UTF_8));
      lines.flush();
    } catch (IOException e) {
      broken = true;
      err.println("paunch: syslog: logger stopped taking lines (" + e.getMessage() + ")");
      err.flush();
    }
  }

  /** Ends logger's input and gives it a moment to send what it has. */
  @Override
  public void close() {
    try {
      lines.close();
      if (!logger.waitFor(5, TimeUnit.SECONDS)) {
        logger.destroy();
      }
    } catch (IOException e) {
      logger.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      logger.destroy();
    }
  }

  /** Passes text on, and each completed line to syslog. */
  private final class LineTee extends Writer {
    private final PrintWriter target;
    private final int severity;
    private final StringBuilder line = new StringBuilder();

    LineTee(PrintWriter target, int severity) {
      this.target = target;
      this.severity = severity;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      target.write(buffer, offset, length);
      for (int i = offset; i < offset + length; i++) {
        char c = buffer[i];
        if (c == '\n') {
          send(severity, line.toString());
          line.setLength(0);
        } else if (c != '\r') {
          line.append(c);
        }
      }
    }

    @Override
    public void flush() {
      target.flush();
    }

    @Override
    public void close() {
      if (line.length() > 0) {
        send(severity, line.toString());
        line.setLength(0);
      }
      target.flush();
    }
  }
}
