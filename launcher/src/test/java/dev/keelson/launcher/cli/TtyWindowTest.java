package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.launcher.engine.TerminalWindow.Size;
import org.junit.jupiter.api.Test;

class TtyWindowTest {

  @Test
  void parse_readsRowsThenColumns() {
    assertThat(TtyWindow.parse("43 132\n")).contains(new Size(43, 132));
  }

  @Test
  void parse_aSizeNobodySet_orAnythingElse_isUnknown() {
    assertThat(TtyWindow.parse("0 0\n")).isEmpty();
    assertThat(TtyWindow.parse("24 0")).isEmpty();
    assertThat(TtyWindow.parse("")).isEmpty();
    assertThat(TtyWindow.parse("stty: standard input: Inappropriate ioctl for device")).isEmpty();
    assertThat(TtyWindow.parse("24x80")).isEmpty();
  }
}
