package dev.keelson.pilot.event;

/**
 * One fact published on the bus.
 *
 * @param source who it is about: a process name ({@code app}, {@code preStop}), a signal name, a
 *     service or backend name, or {@code pilot}
 * @param value the exit code for EXIT_*, the signal number for SIGNAL, otherwise 0
 */
public record Event(EventCode code, String source, int value) {

  public static Event of(EventCode code, String source) {
    return new Event(code, source, 0);
  }

  /** The end of a process: EXIT_SUCCESS for 0, EXIT_FAILED with the code otherwise. */
  public static Event exited(String source, int exitCode) {
    return new Event(
        exitCode == 0 ? EventCode.EXIT_SUCCESS : EventCode.EXIT_FAILED, source, exitCode);
  }

  public static Event signal(String name, int number) {
    return new Event(EventCode.SIGNAL, name, number);
  }

  @Override
  public String toString() {
    return value == 0 ? code + "(" + source + ")" : code + "(" + source + "," + value + ")";
  }
}
