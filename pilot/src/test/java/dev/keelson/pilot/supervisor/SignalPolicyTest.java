package dev.keelson.pilot.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalPolicyTest {

  @ParameterizedTest(name = "SIG{0} configured={1} app={2} -> {3}")
  @CsvSource({
    "TERM, true, true, TERMINATE",
    "TERM, false, true, FORWARD",
    "TERM, true, false, TERMINATE",
    "INT, true, true, FORWARD",
    "INT, true, false, TERMINATE",
    "HUP, true, true, RELOAD",
    "HUP, false, true, FORWARD",
    "USR1, true, true, TOGGLE_MAINTENANCE",
    "USR1, false, true, FORWARD",
    "USR2, true, true, FORWARD",
    "WINCH, false, true, FORWARD",
    "USR2, true, false, IGNORE",
    "CHLD, true, true, REAP",
    "TTIN, false, true, IGNORE",
    "TTOU, true, true, IGNORE",
  })
  void decide_matrix(String signal, boolean configured, boolean hasApp, SignalAction expected) {
    assertThat(SignalPolicy.decide(signal, configured, hasApp)).isEqualTo(expected);
  }
}
