package dev.keelson.launcher.plan;

import dev.keelson.launcher.spec.PaunchConfig;

/**
 * The config to apply. What the docker CLI read on its own side (env files, bare {@code KEY}s,
 * seccomp profile files) is not part of it: the planner leaves a planned container's environment
 * empty and its {@code security_opt} as written, and {@code Paunch} reads those files afterwards
 * for the containers the plan creates only, as the CLI read them only at {@code docker run}.
 */
public record DesiredState(PaunchConfig config) {}
