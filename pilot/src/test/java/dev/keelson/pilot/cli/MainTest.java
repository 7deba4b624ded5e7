package dev.keelson.pilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
  }

  @Test
  void run_unknownFlag_exits2WithUsage() {
    assertThat(run(Map.of(), "-nope", "true")).isEqualTo(2);
    assertThat(err.toString())
        .contains("flag provided but not defined: -nope")
        .contains("Usage: pilot");
  }

  @Test
  void run_nothingToRun_exits1() {
    assertThat(run(Map.of())).isEqualTo(1);
    assertThat(err.toString()).contains("nothing to run");
  }

  @Test
  void run_template_printsRenderedConfigFromEnvironmentVariable() {
    int code =
        run(Map.of("CONTAINERPILOT", "{\"consul\": \"{{.HOST}}:8500\"}", "HOST", "c"), "-template");
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("{\"consul\": \"c:8500\"}");
  }

  @Test
  void run_invalidConfig_exits1NamingTheKey() {
    assertThat(run(Map.of(), "-config", "{\"consul\":\"c:1\",\"bogus\":true}", "true"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("unknown key \"bogus\"");
  }

  @Test
  void run_version_printsAndExits0() {
    assertThat(run(Map.of(), "-version")).isZero();
    assertThat(out.toString()).startsWith("Version: ");
  }
}
