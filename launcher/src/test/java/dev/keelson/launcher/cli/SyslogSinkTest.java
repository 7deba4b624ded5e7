package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogSinkTest {

  @TempDir Path dir;

  @Test
  void onPath_findsAnExecutableInAnyDirectoryOfThePath() throws IOException {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path logger = Files.createFile(bin.resolve("logger"));

    assertThat(SyslogSink.onPath("logger", dir + "::" + bin)).as("not executable yet").isFalse();
    Files.setPosixFilePermissions(logger, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(SyslogSink.onPath("logger", dir + "::" + bin)).isTrue();
    assertThat(SyslogSink.onPath("logger", dir.toString())).isFalse();
    assertThat(SyslogSink.onPath("logger", "")).isFalse();
  }

  /**
   * A system log that takes no lines (the real logger, writing to a socket nobody reads) fills the
   * socket's, logger's and the pipe's buffers; from then on lines are dropped instead of blocking
   * the watch loop, and counted in syslog once it takes lines again.
   */
  @Test
  void aStalledSystemLog_neverBlocksTheLoop_andTheDroppedLinesAreCountedAfterwards()
      throws Exception {
    Path socket = dir.resolve("log.sock");
    StringWriter errText = new StringWriter();
    PrintWriter err = new PrintWriter(errText, true);
    try (SyslogReceiver receiver = SyslogReceiver.stalled(socket);
        SyslogSink sink =
            SyslogSink.start(
                Map.of(
                    "PATH", String.valueOf(System.getenv("PATH")),
                    "PAUNCH_SYSLOG_SOCKET", socket.toString()),
                err)) {
      PrintWriter out = sink.tee(new PrintWriter(Writer.nullWriter()), SyslogSink.INFO);
      String filler = "x".repeat(200);

      // some 20 MB: far more than every buffer between paunch and the socket holds
      CompletableFuture<Void> writing =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 100_000; i++) {
                  out.println(i + " " + filler);
                }
              });
      try {
        assertThat(writing)
            .as("a line written while syslog is stalled blocked the writer")
            .succeedsWithin(Duration.ofSeconds(30));
      } finally {
        receiver.resume(); // whatever happened, so that closing the sink cannot hang
      }
      assertThat(errText.toString())
          .containsOnlyOnce(
              "paunch: syslog: the system log is not taking lines; dropping them until it does");

      Eventually.await(
          "the count of dropped lines in syslog",
          Duration.ofSeconds(30),
          () -> receiver.text().contains("line(s) were not sent to syslog"));
      assertThat(receiver.text())
          .containsPattern("<28>[^\n]*paunch: [1-9][0-9]* line\\(s\\) were not sent to syslog")
          .contains("<30>")
          .contains("0 " + filler);
    }
  }

  @Test
  void start_withoutLoggerOnThePath_failsWithOneMessage() {
    PrintWriter err = new PrintWriter(new StringWriter());

    assertThatThrownBy(() -> SyslogSink.start(Map.of("PATH", dir.toString()), err))
        .isInstanceOf(CliFailure.class)
        .hasMessage("--syslog needs util-linux's logger on the PATH, and there is none");
  }
}
