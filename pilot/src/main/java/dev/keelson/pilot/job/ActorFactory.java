package dev.keelson.pilot.job;

import dev.keelson.pilot.config.PilotConfig;
import dev.keelson.pilot.event.Actor;
import dev.keelson.pilot.process.ProcessLauncher;
import java.util.List;

/**
 * Builds the actors one config asks for: the seam where service health jobs, backend watches,
 * sensors and the telemetry endpoint plug in (issue 6). The supervisor calls it at start and on
 * every successful reload (one whose config passed {@link #check}), after stopping the previous
 * actors. Every process an actor starts must go through {@code processes}, or the reaper's
 * guarantee is lost.
 */
@FunctionalInterface
public interface ActorFactory {

  List<Actor> create(PilotConfig config, ProcessLauncher processes);

  /**
   * Resolves what {@link #create} would, without binding, connecting or starting anything: at start
   * before the app runs, and on reload before the running actors are stopped, so a config that
   * cannot be used (interfaces matching nothing, a bad Consul address) is rejected while the old
   * one keeps running.
   *
   * @throws RuntimeException naming what cannot be used
   */
  default void check(PilotConfig config) {}

  /** No actors: what the pilot runs until discovery and telemetry exist. */
  static ActorFactory none() {
    return NoActors.INSTANCE;
  }

  /** A class rather than a lambda: it is used on the app's start path, where lambdas cost. */
  final class NoActors implements ActorFactory {
    static final NoActors INSTANCE = new NoActors();

    private NoActors() {}

    @Override
    public List<Actor> create(PilotConfig config, ProcessLauncher processes) {
      return List.of();
    }
  }
}
