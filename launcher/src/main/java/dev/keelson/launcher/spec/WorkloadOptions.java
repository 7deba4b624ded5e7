package dev.keelson.launcher.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Settings only container-agent manifests can express (paunch's config has no keys for them), kept
 * apart from the paunch option groups so those stay exactly paunch's vocabulary.
 */
public record WorkloadOptions(@Nullable String workingDir, List<PortBinding> ports) {

  public static final WorkloadOptions NONE = new WorkloadOptions(null, List.of());

  public WorkloadOptions {
    ports = List.copyOf(ports);
  }
}
