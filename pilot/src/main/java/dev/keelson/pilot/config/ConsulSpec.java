package dev.keelson.pilot.config;

import java.util.Optional;

/**
 * Where the Consul agent is. From {@code "consul": "host:port"} (optionally {@code http://} or
 * {@code https://} first) or the later 2.x object form {@code {address, scheme, token}}.
 *
 * @param address {@code host:port}
 * @param scheme {@code http} or {@code https}
 * @param token the ACL token from the config; {@code CONSUL_HTTP_TOKEN} is the discovery adapter's
 *     fallback
 */
public record ConsulSpec(String address, String scheme, Optional<String> token) {}
