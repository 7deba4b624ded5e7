package dev.keelson.pilot.log;

import dev.keelson.pilot.config.LoggingSpec;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Configures the pilot's logging and writes lines in ContainerPilot's formats:
 *
 * <ul>
 *   <li>{@code default}: {@code 2026/11/22 02:45:22 message}
 *   <li>{@code text}: {@code time="2026-11-22T03:07:44Z" level=error msg="exit status 1"}
 *   <li>{@code json}: {@code {"level":"error","msg":"exit status 1","time":"2026-11-22T03:07:44Z"}}
 * </ul>
 */
public final class PilotLogging {

  private static volatile @Nullable PrintWriter stdout;
  private static volatile @Nullable PrintWriter stderr;
  private static volatile @Nullable LogSettings settings;

  private PilotLogging() {}

  /** Called once by the entry point with the process's streams; logs nothing before this. */
  public static void install(PrintWriter out, PrintWriter err, LoggingSpec spec) {
    stdout = out;
    stderr = err;
    configure(spec);
  }

  /** Applies a {@code logging} block (at start and on reload). */
  public static void configure(LoggingSpec spec) {
    PrintWriter out = stdout;
    PrintWriter err = stderr;
    if (out == null || err == null) {
      return;
    }
    settings = new LogSettings(spec, spec.output() == LoggingSpec.Output.STDOUT ? out : err);
  }

  static boolean enabled(int level) {
    LogSettings current = settings;
    return current != null && level >= current.threshold();
  }

  static void write(int level, String message, @Nullable Throwable error) {
    LogSettings current = settings;
    if (current == null || level < current.threshold()) {
      return;
    }
    String text = error == null ? message : message + ": " + error;
    String line = format(current.spec().format(), level, text, Instant.now());
    PrintWriter stream = current.stream();
    synchronized (stream) {
      stream.println(line);
      stream.flush();
    }
  }

  static String format(LoggingSpec.Format format, int level, String message, Instant time) {
    String utc = time.truncatedTo(ChronoUnit.SECONDS).toString();
    return switch (format) {
      case DEFAULT -> DefaultTime.FORMAT.format(time) + " " + message;
      case TEXT -> "time=\"" + utc + "\" level=" + levelName(level) + " msg=" + quote(message);
      case JSON ->
          "{\"level\":\""
              + levelName(level)
              + "\",\"msg\":"
              + quote(message)
              + ",\"time\":\""
              + utc
              + "\"}";
    };
  }

  private static String levelName(int level) {
    if (level >= 40) {
      return "error";
    }
    if (level >= 30) {
      return "warning";
    }
    return level >= 20 ? "info" : "debug";
  }

  /** A JSON string literal (also valid for logrus' text format). */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  /** Loaded on the first log line, not at start: java.time's set-up is slow on a cold JVM. */
  private static final class DefaultTime {
    static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
  }
}
