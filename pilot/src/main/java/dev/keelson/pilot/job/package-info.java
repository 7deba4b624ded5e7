/**
 * Services, backends and sensors as single-threaded actors on the event bus.
 *
 * <p>The seam for discovery and telemetry (issue 6) is {@link dev.keelson.pilot.job.ActorFactory}:
 * given a validated config and the one {@link dev.keelson.pilot.process.ProcessLauncher}, it
 * returns the {@link dev.keelson.pilot.event.Actor}s to run (a health job per service, a watch per
 * backend, a sensor per sensor, the telemetry endpoint). The supervisor starts them after preStart,
 * stops and rebuilds them on every successful SIGHUP reload, and calls {@code Actor.beforeStop}
 * once before the pilot stops: on SIGTERM before preStop, and when the app exits by itself before
 * postStop. That is where "deregister every service" belongs. Maintenance (SIGUSR1) reaches actors
 * as {@code ENTER_MAINTENANCE}/{@code EXIT_MAINTENANCE} events; a reload while in maintenance
 * re-publishes {@code ENTER_MAINTENANCE} to the new actors. Every process an actor starts (health
 * checks, onChange, sensor checks) must go through the launcher, or the reaper's no-steal guarantee
 * is lost. Wiring: {@code cli.Main} passes the factory ({@code wiring.PilotActors}) to {@code
 * Bootstrap.run}; this package must not depend on discovery or telemetry, which implement it.
 */
@NullMarked
package dev.keelson.pilot.job;

import org.jspecify.annotations.NullMarked;
