package dev.keelson.launcher.engine;

import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Runs docker-java calls and translates their failures into {@link EngineException}s. */
final class EngineCalls {

  private final String address;

  EngineCalls(String address) {
    this.address = address;
  }

  /**
   * Runs one engine call, turning docker-java's exceptions into ours: an HTTP answer is an
   * operation failure, anything else means the engine could not be reached.
   */
  <T> T call(String operation, @Nullable String target, Supplier<T> body) {
    try {
      return body.get();
    } catch (DockerException e) {
      throw new EngineException(operation, target, reason(e), e);
    } catch (EngineException e) {
      throw e;
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException || e instanceof java.io.UncheckedIOException) {
        throw EngineException.unreachable(address, e.getCause() == null ? e : e.getCause());
      }
      throw new EngineException(operation, target, String.valueOf(e.getMessage()), e);
    }
  }

  /** docker-java's message is "Status 409: {\"message\":\"...\"}"; keep the engine's text. */
  private static String reason(DockerException e) {
    String message = String.valueOf(e.getMessage()).trim();
    int start = message.indexOf("{\"message\":\"");
    if (start >= 0) {
      int end = message.lastIndexOf("\"}");
      if (end > start) {
        return message.substring(start + 12, end).replace("\\\"", "\"");
      }
    }
    return message;
  }
}
