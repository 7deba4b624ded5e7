package dev.keelson.launcher.spec;

import org.jspecify.annotations.Nullable;

/**
 * One container port, published on the host when {@code hostPort} is set (a container-agent
 * manifest's {@code ports} item).
 *
 * @param protocol {@code tcp} or {@code udp}, as the engine spells it
 * @param hostIp null binds every host address
 */
public record PortBinding(
    int containerPort, @Nullable Integer hostPort, @Nullable String hostIp, String protocol) {}
