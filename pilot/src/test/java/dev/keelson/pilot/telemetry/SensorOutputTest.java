package dev.keelson.pilot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SensorOutputTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "' 1.5 \n' | 1.5",
        "42 | 42",
        "-3 | -3",
        "+7 | 7",
        "1e3 | 1000",
        ".5 | 0.5",
        "5. | 5",
        "2.5E-1 | 0.25",
        "NaN | NaN",
        "+Inf | Infinity",
        "-inf | -Infinity",
        "Infinity | Infinity"
      })
  void parse_singleNumber_isRead(String output, double expected) throws Exception {
    // boxed, so that NaN equals NaN
    assertThat(Double.valueOf(SensorOutput.parse(output))).isEqualTo(Double.valueOf(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"42 ms", "1\n2", "", "   ", "notanumber", "1.5d", "0x10", "1,5", "--1"})
  void parse_notOneNumber_isRejected(String output) {
    assertThatThrownBy(() -> SensorOutput.parse(output))
        .isInstanceOf(SensorOutputException.class)
        .hasMessageStartingWith("sensor output is not a single number: ");
  }
}
