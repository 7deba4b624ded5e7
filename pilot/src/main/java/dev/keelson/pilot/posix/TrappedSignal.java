package dev.keelson.pilot.posix;

/**
 * A signal the pilot received.
 *
 * @param name without the "SIG" prefix, e.g. {@code TERM}
 * @param number the platform's number, e.g. 15
 */
public record TrappedSignal(String name, int number) {}
