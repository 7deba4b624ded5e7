package dev.keelson.pilot.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10.0.0.1, 10.0.0.1",
    "0:0:0:0:0:0:0:1, ::1",
    "0:0:0:0:0:0:0:0, ::",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "1:0:0:0:0:0:0:0, 1::",
    "FE80:0:0:0:42:ACFF:FE11:2, fe80::42:acff:fe11:2"
  })
  void format_address_matchesGoIpString(String literal, String expected) {
    assertThat(IpLiterals.format(IpLiterals.parse(literal))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "1.2.3", "256.1.1.1", "01.2.3.4x", "fe80::1%eth0", ""})
  void parse_nonLiteral_isRejectedWithoutLookup(String text) {
    assertThatThrownBy(() -> IpLiterals.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an IP address: ");
  }
}
