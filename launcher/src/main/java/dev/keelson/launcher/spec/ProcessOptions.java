package dev.keelson.launcher.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the container's process runs. Text values are as paunch prints them ({@code str(value)}).
 *
 * @param environment {@code KEY=value} or bare {@code KEY} (copied from the caller's environment)
 * @param stopTimeoutSeconds from {@code stop_grace_period}, rounded up to whole seconds
 */
public record ProcessOptions(
    boolean detach,
    boolean remove,
    boolean interactive,
    boolean tty,
    @Nullable String user,
    List<String> envFiles,
    List<String> environment,
    @Nullable String restart,
    @Nullable HealthcheckSpec healthcheck,
    @Nullable String stopSignal,
    @Nullable Integer stopTimeoutSeconds,
    @Nullable String logTag) {

  public ProcessOptions {
    envFiles = List.copyOf(envFiles);
    environment = List.copyOf(environment);
  }
}
