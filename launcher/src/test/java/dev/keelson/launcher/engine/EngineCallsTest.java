package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How a failed call is reported: docker-java wraps every transport failure the same way. */
class EngineCallsTest {

  private static final String ADDRESS = "tcp://127.0.0.1:2375";

  private final EngineCalls calls =
      new EngineCalls(EngineRuntime.DOCKER, ADDRESS, new AnswerDeadline(Duration.ofSeconds(7)));

  @Test
  void aReadThatTimedOut_isNoAnswerWithinTheLimit() {
    EngineException e = failure(new SocketTimeoutException("Read timed out"));

    assertThat(e.getMessage())
        .isEqualTo(
            "list containers: no answer from the Docker engine at "
                + ADDRESS
                + " within 7 s: it may be hung (--engine-timeout sets how long paunch waits)");
    assertThat(e.isUnreachable()).as("the run stops").isTrue();
  }

  /** httpclient5's ConnectTimeoutException is a SocketTimeoutException too. */
  @ParameterizedTest
  @MethodSource("connectionsNeverMade")
  void aConnectionThatWasNeverMade_isUnreachable_evenWhenItTimedOut(Exception cause) {
    EngineException e = failure(cause);

    assertThat(e.getMessage()).startsWith("cannot connect to the Docker engine at " + ADDRESS);
    assertThat(e.isUnreachable()).isTrue();
  }

  static Stream<Exception> connectionsNeverMade() {
    return Stream.of(
        new ConnectException("Connection refused"), new ConnectTimeoutException("timed out"));
  }

  private EngineException failure(Exception transport) {
    return catchThrowableOfType(
        EngineException.class,
        () ->
            calls.call(
                "list containers",
                null,
                () -> {
                  // what docker-java's httpclient5 transport throws for any IOException
                  throw new RuntimeException(transport);
                }));
  }
}
