/**
 * Backend watches: {@link dev.keelson.pilot.watch.BackendPoller} polls a {@code DiscoveryBackend}
 * for one backend and calls back with a {@link dev.keelson.pilot.watch.BackendChange} when the set
 * of passing (address, port) changes, never two callbacks at once; the supervisor's callback runs
 * {@code onChange} through the process layer (blocking the poller until it ends, as ContainerPilot
 * does) and pauses/resumes the poller for maintenance.
 */
@NullMarked
package dev.keelson.pilot.watch;

import org.jspecify.annotations.NullMarked;
