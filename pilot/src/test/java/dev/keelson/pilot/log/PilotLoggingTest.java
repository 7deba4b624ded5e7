package dev.keelson.pilot.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.config.LoggingSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PilotLoggingTest {

  private static final Instant TIME = Instant.parse("2026-11-22T03:07:44.123Z");

  @Test
  void format_text_isLogrusKeyValue() {
    assertThat(PilotLogging.format(LoggingSpec.Format.TEXT, 40, "exit status 1", TIME))
        .isEqualTo("time=\"2026-11-22T03:07:44Z\" level=error msg=\"exit status 1\"");
  }

  @Test
  void format_json_isOneObject() {
    assertThat(PilotLogging.format(LoggingSpec.Format.JSON, 30, "say \"hi\"\n", TIME))
        .isEqualTo(
            "{\"level\":\"warning\",\"msg\":\"say \\\"hi\\\"\\n\",\"time\":\"2026-11-22T03:07:44Z\"}");
  }

  @Test
  void format_default_dateThenMessage() {
    assertThat(PilotLogging.format(LoggingSpec.Format.DEFAULT, 20, "hello", TIME))
        .matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} hello");
  }
}
