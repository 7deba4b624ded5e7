package dev.keelson.launcher.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code healthcheck} block.
 *
 * @param test a one-item list is a shell command ({@code CMD-SHELL}); a longer list is an exec form
 *     starting with {@code CMD} or {@code CMD-SHELL}
 * @param interval Go-style duration text as written, e.g. {@code 30s}
 * @param timeout Go-style duration text as written
 */
public record HealthcheckSpec(
    List<String> test,
    @Nullable String interval,
    @Nullable String timeout,
    @Nullable Integer retries) {

  public HealthcheckSpec {
    test = List.copyOf(test);
  }
}
