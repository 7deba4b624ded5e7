/**
 * Wiring: the real {@link dev.keelson.pilot.job.ActorFactory}, which turns a config into the actors
 * that talk to discovery and serve telemetry. It is the one package that knows discovery, network,
 * watch and telemetry together, so that none of them needs to know the others or the supervisor.
 * Every process it starts (health checks, onChange, sensors) goes through the pilot's {@link
 * dev.keelson.pilot.process.ProcessLauncher}.
 */
@NullMarked
package dev.keelson.pilot.wiring;

import org.jspecify.annotations.NullMarked;
