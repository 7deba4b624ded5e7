/**
 * Wires the pilot together and runs the PID 1 loop.
 *
 * <p>{@link dev.keelson.pilot.supervisor.Bootstrap} orders start-up (subscribe, trap signals, start
 * the first process, then load jnr and start the reaper). {@link
 * dev.keelson.pilot.supervisor.Pilot} is a single-threaded state machine over bus events (signals,
 * process exits, timers); it never blocks on a process, so every signal is handled in every phase.
 * {@link dev.keelson.pilot.supervisor.SignalPolicy} decides what each signal means.
 */
@NullMarked
package dev.keelson.pilot.supervisor;

import org.jspecify.annotations.NullMarked;
