package dev.keelson.config.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {

  @Test
  void split_plainWords_splitOnAnyWhitespace() throws CommandSyntaxException {
    assertThat(CommandParser.split("  /bin/app  --port 80\t-v\n"))
        .containsExactly("/bin/app", "--port", "80", "-v");
  }

  @Test
  void split_singleQuotes_keepSpacesAndBackslashes() throws CommandSyntaxException {
    assertThat(CommandParser.split("sh -c 'echo a  b \\n $HOME'"))
        .containsExactly("sh", "-c", "echo a  b \\n $HOME");
  }

  @Test
  void split_doubleQuotes_honourEscapes() throws CommandSyntaxException {
    assertThat(CommandParser.split("echo \"say \\\"hi\\\" \\\\ \\x\""))
        .containsExactly("echo", "say \"hi\" \\ \\x");
  }

  @Test
  void split_adjacentQuotedParts_joinIntoOneWord() throws CommandSyntaxException {
    assertThat(CommandParser.split("a'b c'\"d\"e")).containsExactly("ab cde");
  }

  @Test
  void split_emptyQuotes_areAnEmptyArgument() throws CommandSyntaxException {
    assertThat(CommandParser.split("printf '%s|' '' x")).containsExactly("printf", "%s|", "", "x");
  }

  @Test
  void split_backslashOutsideQuotes_escapesNextCharacter() throws CommandSyntaxException {
    assertThat(CommandParser.split("echo a\\ b \\'")).containsExactly("echo", "a b", "'");
  }

  @Test
  void parse_blank_isNoCommand() throws CommandSyntaxException {
    assertThat(CommandParser.parse("   ")).isEmpty();
    assertThat(CommandParser.parse("")).isEmpty();
  }

  @Test
  void parse_words_buildCommand() throws CommandSyntaxException {
    Command command = CommandParser.parse("/bin/health --quick").orElseThrow();
    assertThat(command.executable()).isEqualTo("/bin/health");
    assertThat(command.arguments()).containsExactly("--quick");
  }

  @Test
  void split_unterminatedQuotes_reportColumn() {
    assertThatThrownBy(() -> CommandParser.split("sh -c 'echo"))
        .isInstanceOfSatisfying(
            CommandSyntaxException.class, e -> assertThat(e.column()).isEqualTo(7))
        .hasMessage("unterminated single quote at column 7");
    assertThatThrownBy(() -> CommandParser.split("echo \"a"))
        .hasMessage("unterminated double quote at column 6");
    assertThatThrownBy(() -> CommandParser.split("echo \\"))
        .hasMessage("trailing backslash at column 6");
  }

  @Test
  void command_emptyArgv_isRejected() {
    assertThatThrownBy(() -> new Command(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void display_quotesArgumentsThatNeedIt() {
    assertThat(Command.of("sh", "-c", "echo it's", "").display())
        .isEqualTo("sh -c 'echo it'\\''s' ''");
  }
}
