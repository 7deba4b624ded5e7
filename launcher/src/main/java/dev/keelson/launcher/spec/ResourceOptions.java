package dev.keelson.launcher.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Limits. Memory sizes keep the text as written (docker's units, {@code 512m}); {@link ByteSizes}
 * turns them into bytes.
 *
 * @param ulimits {@code name=soft[:hard]}
 */
public record ResourceOptions(
    List<String> ulimits,
    @Nullable Long cpuShares,
    @Nullable String memLimit,
    @Nullable String memswapLimit,
    @Nullable Long memSwappiness,
    @Nullable String cpusetCpus) {

  public ResourceOptions {
    ulimits = List.copyOf(ulimits);
  }
}
