/**
 * Choosing the address a service advertises from ContainerPilot's {@code interfaces} specs: pure
 * parsing and matching over a list of interface addresses, plus an adapter for the host's real
 * interfaces.
 */
@NullMarked
package dev.keelson.pilot.network;

import org.jspecify.annotations.NullMarked;
