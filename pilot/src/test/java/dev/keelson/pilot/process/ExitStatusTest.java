package dev.keelson.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExitStatusTest {

  @Test
  void fromWaitStatus_exited_codeInHighByte() {
    assertThat(ExitStatus.fromWaitStatus(3 << 8)).isEqualTo(ExitStatus.exited(3));
    assertThat(ExitStatus.fromWaitStatus(255 << 8).code()).isEqualTo(255);
    assertThat(ExitStatus.fromWaitStatus(0).success()).isTrue();
  }

  @Test
  void fromWaitStatus_signalled_is128PlusN() {
    ExitStatus killed = ExitStatus.fromWaitStatus(9);
    assertThat(killed.code()).isEqualTo(137);
    assertThat(killed.signal()).isEqualTo(9);
    assertThat(killed.describe()).isEqualTo("killed by signal 9");
    assertThat(ExitStatus.fromWaitStatus(15 | 0x80).code()).isEqualTo(143); // core dump bit set
  }

  @Test
  void fromJdk_above128_readAsSignal() {
    assertThat(ExitStatus.fromJdk(143).signal()).isEqualTo(15);
    assertThat(ExitStatus.fromJdk(3)).isEqualTo(ExitStatus.exited(3));
    assertThat(ExitStatus.fromJdk(128).signal()).isZero();
    assertThat(ExitStatus.fromJdk(255).signal()).isZero();
  }

  @Test
  void exitCode_outOfRange_rejected() {
    assertThatThrownBy(() -> new ExitStatus(256, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ExitStatus.exited(256).code()).isZero();
  }
}
