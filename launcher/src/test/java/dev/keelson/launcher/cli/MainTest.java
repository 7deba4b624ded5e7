package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command surface where no engine is needed: usage errors, bad input, dumps. */
class MainTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void run_unknownCommand_printsPaunchMessageAndExitsTwo() {
    Run run = run("bogus");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out())
        .isEqualTo("paunch: 'bogus' is not a paunch command. See 'paunch --help'.\n");
  }

  @Test
  void run_unknownFlagOrMissingRequired_exitsTwoWithUsage() {
    Run unknown = run("list", "--bogus");
    Run missing = run("apply", "--file", "x.yml");

    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--bogus'").contains("Usage: paunch list");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--config-id=<name>'");
  }

  @Test
  void run_helpOnEveryCommand_exitsZero() {
    for (String command : new String[] {"apply", "cleanup", "delete", "list", "debug"}) {
      Run run = run(command, "--help");
      assertThat(run.code()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("Usage: paunch " + command);
    }
  }

  @Test
  void run_topLevelHelp_listsEveryCommandThoughOnlyTheNamedOneIsRegisteredForARun() {
    Run help = run("--help");

    assertThat(help.code()).isZero();
    for (String command : PaunchCommand.COMMANDS.keySet()) {
      assertThat(help.out()).as(command).containsPattern("(?m)^ +" + command + " ");
    }
  }

  @Test
  void talksToEngine_isDecidedByTheFirstWordThatIsNotAnOption() {
    assertThat(Main.talksToEngine("apply", "--file", "x.yml")).isTrue();
    assertThat(Main.talksToEngine("-v", "--log-file", "list", "cleanup")).isTrue();
    assertThat(Main.talksToEngine("--log-file", "apply", "--version")).isFalse();
    assertThat(Main.talksToEngine("--version")).isFalse();
    assertThat(Main.talksToEngine("--help")).isFalse();
    assertThat(Main.talksToEngine("bogus", "apply")).isFalse();
    assertThat(Main.talksToEngine()).isFalse();
  }

  @Test
  void run_version_printsPaunchVersion() {
    Run run = run("--version");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("paunch ");
  }

  @Test
  void list_noKnownColumn_exitsOneWithCliffsMessage_beforeAskingTheEngine() {
    Run run = run("list", "-c", "nope");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "No recognized column names in ['nope']. Recognized columns are ['config',"
                + " 'container', 'image', 'command', 'status'].");
  }

  @Test
  void apply_missingFile_exitsOneNamingThePath() {
    Run run = run("apply", "--file", "/nonexistent/c.yml", "--config-id", "x");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: /nonexistent/c.yml: cannot read file: no such file\n");
  }

  @Test
  void apply_unknownRuntime_isAUsageError_asArgparseChoices() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "web: {image: x}\n");

    Run run =
        run("apply", "--file", file.toString(), "--config-id", "x", "--default-runtime", "crio");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "apply: error: argument --default-runtime: invalid choice: 'crio' (choose from"
                + " 'docker', 'podman')\n");
  }

  @Test
  void debug_uniquePrefixesOfLongOptions_areAccepted_asArgparse() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "web: {image: x}\n");

    Run run = run("debug", "--fi", file.toString(), "--cont=web", "--act", "dump-json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"image\": \"x\"");
  }

  @Test
  void debug_ambiguousPrefix_isAUsageErrorNamingTheCandidates() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "web: {image: x}\n");

    Run run = run("debug", "--file", file.toString(), "--con", "web", "--action", "dump-json");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("debug: error: ambiguous option: --con could match --container, --config-id\n");
  }

  @Test
  void debug_abbreviationThatIsNoPrefix_isRefused_asArgparse() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "web: {image: x}\n");

    // picocli's own abbreviations would take --c-i for --config-id; argparse does not.
    Run run =
        run(
            "debug",
            "--file",
            file.toString(),
            "--container",
            "web",
            "--c-i",
            "x",
            "--action",
            "dump-json");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--c-i");
  }

  @Test
  void globalOptionPrefix_beforeTheCommand_isExpandedWithItsValue() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "web: {image: x}\n");
    Path log = dir.resolve("paunch.log");

    Run run =
        run(
            "--log-f",
            log.toString(),
            "debug",
            "--file",
            file.toString(),
            "--container",
            "web",
            "--action",
            "dump-json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"web\"");
  }

  @Test
  void debug_dumpJsonWithOverrides_printsMergedEntryAsPythonWould() throws Exception {
    Path file =
        Files.writeString(dir.resolve("c.yml"), "web: {image: x, command: [a, b], e: []}\n");

    Run run =
        run(
            "debug",
            "--file",
            file.toString(),
            "--container",
            "web",
            "--action",
            "dump-json",
            "--user",
            "root",
            "--overrides",
            "{\"image\": \"y\", \"tty\": true}");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            {
                "web": {
                    "image": "y",
                    "command": [
                        "a",
                        "b"
                    ],
                    "e": [],
                    "user": "root",
                    "tty": true
                }
            }
            """);
  }

  @Test
  void debug_badOverridesOrAction_exitsOne() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "web: {image: x}\n");

    Run badJson =
        run("debug", "--file", file.toString(), "--container", "web", "--overrides", "{nope");
    Run badAction =
        run("debug", "--file", file.toString(), "--container", "web", "--action", "dance");
    Run missing = run("debug", "--file", file.toString(), "--container", "nothere");

    assertThat(badJson.code()).isEqualTo(1);
    assertThat(badJson.err()).startsWith("paunch: --overrides is not valid JSON");
    assertThat(badAction.code()).isEqualTo(1);
    assertThat(badAction.err())
        .contains("--action must be one of print-cmd, run, dump-json, dump-yaml");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no container 'nothere' in");
  }
}
