package dev.keelson.launcher.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A command to run inside a running container. */
public record ExecRequest(List<String> command, @Nullable String user, boolean privileged) {

  public ExecRequest {
    command = List.copyOf(command);
  }
}
