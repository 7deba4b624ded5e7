package dev.keelson.launcher.spec;

import org.jspecify.annotations.Nullable;

/**
 * One container port, exposed and published on the host (a container-agent manifest's {@code ports}
 * item; container-agent publishes every port, on its containerPort when no hostPort is given).
 *
 * @param protocol {@code tcp} or {@code udp}, as the engine spells it
 * @param hostIp null binds every host address
 */
public record PortBinding(
    int containerPort, int hostPort, @Nullable String hostIp, String protocol) {}
