package dev.keelson.pilot.event;

import java.time.Duration;

/**
 * Something that lives on the bus next to the supervisor: a service's health job, a backend watch,
 * a sensor, the telemetry endpoint. Actors are built from one config and never mutated: a reload
 * stops the old ones and starts new ones (style.md rule 7).
 *
 * <p>The supervisor calls, in order: {@link #startsInMaintenance} when the pilot is in maintenance
 * (a reload during it); {@link #start} once; {@link #beforeStop} at most once, when the pilot is
 * about to stop (on SIGTERM before preStop, or after the app exited by itself, before postStop);
 * {@link #stop} once, also on reload. Maintenance arrives as {@link
 * EventCode#ENTER_MAINTENANCE}/{@link EventCode#EXIT_MAINTENANCE} events on the bus.
 */
public interface Actor {

  /** For logs, e.g. {@code service:web}. */
  String name();

  /**
   * The pilot is in maintenance: {@link #start} must begin paused (nothing registered, polled or
   * measured), as if {@link EventCode#ENTER_MAINTENANCE} had arrived before it. Without this a
   * first health check running at start could register a service for the moment until that event
   * reaches the actor. Called before {@link #start}; the event is still published after it.
   */
  default void startsInMaintenance() {}

  /** Subscribes to {@code bus} and starts the actor's own thread; must not block. */
  void start(EventBus bus);

  /**
   * Prepares for the pilot's exit; for discovery this deregisters every service. Must return within
   * {@code timeout} even if a remote call hangs.
   */
  default void beforeStop(Duration timeout) {}

  /** Stops the actor's thread and releases what it holds; idempotent. */
  void stop();
}
