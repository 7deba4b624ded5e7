package dev.keelson.launcher.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

/** Runs docker-java calls and translates their failures into {@link EngineException}s. */
final class EngineCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineRuntime runtime;
  private final String address;
  private final AnswerDeadline deadline;

  EngineCalls(EngineRuntime runtime, String address, AnswerDeadline deadline) {
    this.runtime = runtime;
    this.address = address;
    this.deadline = deadline;
  }

  /**
   * Runs one engine call that the engine answers at once, within the {@link AnswerDeadline},
   * turning docker-java's exceptions into ours: an HTTP answer is an operation failure, anything
   * else means the engine could not be reached or stopped answering.
   */
  <T> T call(String operation, @Nullable String target, Supplier<T> body) {
    return call(deadline, operation, target, body);
  }

  /**
   * As {@link #call}, for a call the engine answers only after {@code wait} (a stop's grace
   * period): its limit is that much longer.
   */
  <T> T callAnsweredAfter(
      Duration wait, String operation, @Nullable String target, Supplier<T> body) {
    return call(deadline.extendedBy(wait), operation, target, body);
  }

  private <T> T call(
      AnswerDeadline within, String operation, @Nullable String target, Supplier<T> body) {
    return translated(within, operation, target, () -> within.run(body));
  }

  /**
   * As {@link #call}, for a call that waits on a container or a registry as long as they take: a
   * container's exit, a pull, an exec, a stop.
   */
  <T> T callWithoutDeadline(String operation, @Nullable String target, Supplier<T> body) {
    return translated(deadline, operation, target, body);
  }

  /** Runs {@code body}, reporting silence as no answer {@code within} its limit. */
  private <T> T translated(
      AnswerDeadline within, String operation, @Nullable String target, Supplier<T> body) {
    try {
      return body.get();
    } catch (AnswerDeadline.Missed e) {
      throw noAnswer(within, operation, target, e);
    } catch (DockerException e) {
      throw new EngineException(operation, target, reason(e), e);
    } catch (EngineException e) {
      throw e;
    } catch (RuntimeException e) {
      // over tcp://, the prompt client's read timeout (DockerJavaEngine#interruptible). The answer
      // deadline's alarm, set at the same limit a moment earlier, usually decides first (Missed,
      // above); this catches the timeout when it does not. httpclient5 reports a connection that
      // was never made as a subclass: unreachable, below.
      if (e.getCause() instanceof SocketTimeoutException silence
          && !(silence instanceof ConnectTimeoutException)) {
        throw noAnswer(within, operation, target, silence);
      }
      if (e.getCause() instanceof IOException || e instanceof java.io.UncheckedIOException) {
        throw EngineException.unreachable(
            runtime, address, e.getCause() == null ? e : e.getCause());
      }
      throw new EngineException(operation, target, String.valueOf(e.getMessage()), e);
    }
  }

  private EngineException noAnswer(
      AnswerDeadline within, String operation, @Nullable String target, Throwable cause) {
    return EngineException.noAnswer(runtime, address, operation, target, within.limit(), cause);
  }

  /**
   * docker-java's message is {@code Status 409: <body>}; the body is {@code {"message":"..."}} from
   * dockerd and {@code {"cause":"...","message":"...","response":500}} from podman. Keep the
   * engine's message text.
   */
  static String reason(DockerException e) {
    String message = String.valueOf(e.getMessage()).trim();
    int start = message.indexOf('{');
    if (start >= 0) {
      try {
        JsonNode body = JSON.readTree(message.substring(start));
        JsonNode text = body == null ? null : body.get("message");
        if (text != null && text.isTextual()) {
          return text.asText();
        }
      } catch (JsonProcessingException notJson) {
        // not a JSON body after all: the whole message is the best we have
      }
    }
    return message;
  }
}
