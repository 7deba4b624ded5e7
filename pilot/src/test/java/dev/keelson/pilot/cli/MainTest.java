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

  private static String sensors(String first, String second) {
    return """
        {"consul": "127.0.0.1:8500",
         "telemetry": {"interfaces": ["static:127.0.0.1"], "sensors": [
           {"name": "%s", "type": "gauge", "poll": 1, "check": "true"},
           {"name": "%s", "type": "gauge", "poll": 1, "check": "true"}]}}
        """
        .formatted(first, second);
  }

  @Test
  void run_sensorMetricNamesColliding_exits1NamingTheSensor_beforeTheAppRuns() {
    assertThat(run(Map.of(), "-config", sensors("depth", "depth"), "true")).isEqualTo(1);
    assertThat(err.toString())
        .contains("pilot: invalid config:")
        .contains("telemetry: sensor depth: name collides");
  }

  @Test
  void run_sensorMetricNameCollidingWithAProcessMetric_exits1() {
    assertThat(run(Map.of(), "-config", sensors("depth", "process_open_fds"), "true")).isEqualTo(1);
    assertThat(err.toString()).contains("telemetry: sensor process_open_fds: name collides");
  }

  @Test
  void run_sensorMetricNameInvalid_exits1NamingTheSensor() {
    assertThat(run(Map.of(), "-config", sensors("depth", "9lives"), "true")).isEqualTo(1);
    assertThat(err.toString()).contains("telemetry: sensor 9lives: invalid metric name");
  }
}
