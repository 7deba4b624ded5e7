package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
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

  @Test
  void start_withoutLoggerOnThePath_failsWithOneMessage() {
    PrintWriter err = new PrintWriter(new StringWriter());

    assertThatThrownBy(() -> SyslogSink.start(Map.of("PATH", dir.toString()), err))
        .isInstanceOf(CliFailure.class)
        .hasMessage("--syslog needs util-linux's logger on the PATH, and there is none");
  }
}
