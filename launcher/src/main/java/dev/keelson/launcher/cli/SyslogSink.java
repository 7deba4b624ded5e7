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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code paunch watch --syslog}: every line watch prints also goes to the system log, through one
 * long-lived util-linux {@code logger} process (the JDK cannot write to {@code /dev/log}, a unix
 * datagram socket). Each line carries its own priority ({@code logger --prio-prefix}): facility
 * daemon, severity info for what stdout shows, warning for what stderr shows. {@code
 * PAUNCH_SYSLOG_SOCKET} names another socket than logger's default.
 *
 * <p>A stalled system log must not stall the watch loop: lines are handed to logger by a thread of
 * their own through a bounded queue, and when the queue is full they are dropped, said once on
 * stderr, and counted in syslog once it takes lines again.
 */
final class SyslogSink implements AutoCloseable {

  /** syslog's daemon facility, shifted as a priority wants it. */
  private static final int DAEMON = 3 << 3;

  static final int INFO = 6;
  static final int WARNING = 4;

  /** Lines waiting for logger: some minutes of a busy watch, a few hundred kilobytes at most. */
  static final int QUEUED_LINES = 2048;

  /** Queued by close to end the writer: send never queues it, since it skips blank lines. */
  private static final String END = "";

  private final Process logger;
  private final OutputStream lines;
  private final PrintWriter err;
  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUED_LINES);

  /** Lines dropped since the writer last counted them in syslog. */
  private final AtomicLong dropped = new AtomicLong();

  /**
   * stderr has been told that lines are being dropped, and is not told again until the writer has
   * caught up: while the buffers fill, the writer still gets a line through now and then.
   */
  private final AtomicBoolean behind = new AtomicBoolean();

  private final Thread writer;
  private volatile boolean broken;

  private SyslogSink(Process logger, PrintWriter err) {
    this.logger = logger;
    this.lines = logger.getOutputStream();
    this.err = err;
    writer = new Thread(this::writeQueued, "syslog-writer");
    writer.setDaemon(true);
    writer.start();
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

  /** Queues {@code line} for logger; never blocks. */
  private void send(int severity, String line) {
    if (broken || line.isBlank()) {
      return;
    }
    if (queue.offer(prioritised(severity, line))) {
      return;
    }
    dropped.incrementAndGet();
    if (behind.compareAndSet(false, true)) {
      err.println(
          "paunch: syslog: the system log is not taking lines; dropping them until it does");
      err.flush();
    }
  }

  private static String prioritised(int severity, String line) {
    return "<" + (DAEMON + severity) + ">" + line + "\n";
  }

  /** The writer thread: hands queued lines to logger, which may block while syslog is stalled. */
  private void writeQueued() {
    try {
      for (String line = queue.take(); !END.equals(line); line = queue.take()) {
        write(line);
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          write(
              prioritised(
                  WARNING,
                  "paunch: "
                      + lost
                      + " line(s) were not sent to syslog while it was not taking them"));
        }
        if (queue.isEmpty()) {
          behind.set(false);
        }
      }
    } catch (IOException e) {
      broken = true;
      err.println("paunch: syslog: logger stopped taking lines (" + e.getMessage() + ")");
      err.flush();
    } catch (InterruptedException closed) {
      // close() gave up on a stalled logger
    }
  }

  private void write(String line) throws IOException {
    lines.write(line.getBytes(StandardCharsets.UTF_8));
    lines.flush();
  }

  /**
   * Gives the writer and logger a moment to send what is queued, then ends logger's input; a logger
   * still stalled after that is stopped, so that paunch can exit.
   */
  @Override
  public void close() {
    // a full queue has no room for the end: the writer is stalled, and is ended below
    queue.offer(END);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
      if (writer.isAlive()) {
        logger.destroy(); // its end of the pipe closes, which ends the writer's blocked write
        writer.interrupt(); // or its wait for an end that found no room
      }
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
