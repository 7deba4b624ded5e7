package dev.keelson.pilot.telemetry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a sensor check's stdout as exactly one number, as ContainerPilot does (trim, then Go's
 * {@code ParseFloat}): {@code " 1.5 \n"}, {@code 1e3}, {@code NaN}, {@code +Inf} are numbers;
 * {@code 42 ms}, two lines, an empty output or Java-only forms such as {@code 1.5d} are not.
 */
public final class SensorOutput {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private SensorOutput() {}

  /**
   * The number in {@code output}.
   *
   * @throws SensorOutputException naming the offending text
   */
  public static double parse(String output) throws SensorOutputException {
    String trimmed = output.strip();
    if (DECIMAL.matcher(trimmed).matches()) {
      return Double.parseDouble(trimmed);
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    throw new SensorOutputException(
        "sensor output is not a single number: \"" + abbreviate(trimmed) + "\"");
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace("\n", "\\n");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }
}
