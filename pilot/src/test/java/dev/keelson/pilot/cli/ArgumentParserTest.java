package dev.keelson.pilot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgumentParserTest {

  @Test
  void parse_goFlagForms_allAccepted() throws Exception {
    assertThat(ArgumentParser.parse("-config", "x", "app").config()).contains("x");
    assertThat(ArgumentParser.parse("--config", "x", "app").config()).contains("x");
    assertThat(ArgumentParser.parse("-config=x=y", "app").config()).contains("x=y");
    assertThat(ArgumentParser.parse("-version").version()).isTrue();
    assertThat(ArgumentParser.parse("-template=false").template()).isFalse();
  }

  @Test
  void parse_booleanValues_takeGosSpellings() throws Exception {
    for (String yes : new String[] {"1", "t", "T", "TRUE", "true", "True"}) {
      assertThat(ArgumentParser.parse("-version=" + yes).version()).as(yes).isTrue();
    }
    for (String no : new String[] {"0", "f", "F", "FALSE", "false", "False"}) {
      assertThat(ArgumentParser.parse("-template=" + no).template()).as(no).isFalse();
    }
    assertThatThrownBy(() -> ArgumentParser.parse("-version=yes"))
        .hasMessage("invalid boolean value \"yes\" for -version");
  }

  @Test
  void parse_stopsAtFirstNonFlag_appArgsUntouched() throws Exception {
    Arguments arguments = ArgumentParser.parse("-config", "c", "sh", "-c", "-version", "--", "");
    assertThat(arguments.app()).containsExactly("sh", "-c", "-version", "--", "");
    assertThat(arguments.version()).isFalse();
  }

  @Test
  void parse_doubleDash_endsFlags() throws Exception {
    assertThat(ArgumentParser.parse("--", "-weird-app", "a").app())
        .containsExactly("-weird-app", "a");
  }

  @Test
  void parse_unknownFlagBeforeApp_isUsageError() {
    assertThatThrownBy(() -> ArgumentParser.parse("-bogus", "app"))
        .hasMessage("flag provided but not defined: -bogus");
    assertThatThrownBy(() -> ArgumentParser.parse("-config"))
        .hasMessage("flag needs an argument: -config");
  }
}
