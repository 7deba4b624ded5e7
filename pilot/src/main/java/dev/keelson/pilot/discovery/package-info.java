/**
 * Service discovery: the {@link dev.keelson.pilot.discovery.DiscoveryBackend} port and its Consul
 * adapter (the only package that imports consul-api).
 *
 * <p>How the supervisor wires it, per config: parse {@code consul} with {@link
 * dev.keelson.pilot.discovery.ConsulAddress#parse} or {@code fromObject} (an {@link
 * dev.keelson.pilot.discovery.InvalidConsulAddressException} names the field), build {@link
 * dev.keelson.pilot.discovery.ConsulOptions#fromEnvironment} with the process environment, and
 * {@link dev.keelson.pilot.discovery.ConsulDiscoveryBackend#connect} (no network call, so an absent
 * agent never stops the app). Per service: a {@link
 * dev.keelson.pilot.discovery.ServiceRegistration} (id {@code <name>-<hostname>}, address from
 * {@code pilot.network}), a {@link dev.keelson.pilot.discovery.ServiceRegistrar}, and a {@link
 * dev.keelson.pilot.discovery.ServiceHeartbeat} whose check runs the health command through the
 * process layer. {@link dev.keelson.pilot.discovery.RegisteredServices} toggles maintenance
 * (SIGUSR1) and deregisters everything within a budget (SIGTERM before preStop, app exit). On
 * reload, {@link dev.keelson.pilot.discovery.RegistrationChanges} says which registrars to keep.
 */
@NullMarked
package dev.keelson.pilot.discovery;

import org.jspecify.annotations.NullMarked;
