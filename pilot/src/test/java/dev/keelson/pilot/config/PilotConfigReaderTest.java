package dev.keelson.pilot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.config.command.Command;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.config.template.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PilotConfigReaderTest {

  /** The README example of ContainerPilot 2.0.1, in spirit: every block at once. */
  private static final String FULL =
      """
      {
        "consul": "consul:8500",
        "onStart": "/opt/containerpilot/onStart.sh",
        "preStop": ["/bin/sh", "-c", "echo 'pre stop'"],
        "postStop": "/opt/containerpilot/postStop.sh --flag 'a b'",
        "stopTimeout": 7,
        "logging": {"level": "debug", "format": "json", "output": "stderr"},
        "services": [
          {"name": "app", "port": 80, "health": "/usr/bin/curl --fail -s http://localhost/health",
           "poll": 10, "ttl": 25, "interfaces": ["eth0", "inet"], "tags": ["web"], "timeout": "5s"}
        ],
        "backends": [
          {"name": "nginx", "poll": 7, "onChange": "/opt/reload.sh", "tag": "prod"},
          {"name": "app2", "poll": "3", "onChange": ["/opt/reload.sh", "app2"]}
        ],
        "telemetry": {
          "port": 9090, "interfaces": "lo", "tags": ["t"],
          "sensors": [
            {"namespace": "ns", "subsystem": "sub", "name": "load", "help": "load average",
             "type": "gauge", "poll": 5, "check": ["/bin/sensor.sh", "load"], "timeout": "1m30s"}
          ]
        }
      }
      """;

  private static PilotConfigReader.Loaded load(String json) throws ConfigException {
    return PilotConfigLoader.load(json, Environment.empty());
  }

  private static List<String> errors(String json) {
    try {
      load(json);
    } catch (ConfigException e) {
      return e.problems().stream()
          .filter(ConfigProblem::isError)
          .map(ConfigProblem::render)
          .toList();
    }
    throw new AssertionError("expected the config to be rejected: " + json);
  }

  @Test
  void read_fullConfig_everyBlock() throws ConfigException {
    PilotConfigReader.Loaded loaded = load(FULL);
    PilotConfig config = loaded.config();
    assertThat(config.consul())
        .contains(new ConsulSpec("consul:8500", "http", java.util.Optional.empty()));
    assertThat(config.preStart()).contains(Command.of("/opt/containerpilot/onStart.sh"));
    assertThat(config.preStop()).contains(Command.of("/bin/sh", "-c", "echo 'pre stop'"));
    assertThat(config.postStop())
        .contains(Command.of("/opt/containerpilot/postStop.sh", "--flag", "a b"));
    assertThat(config.stopTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.logging())
        .isEqualTo(
            new LoggingSpec(
                LoggingSpec.Level.DEBUG, LoggingSpec.Format.JSON, LoggingSpec.Output.STDERR));
    ServiceSpec service = config.services().get(0);
    assertThat(service.name()).isEqualTo("app");
    assertThat(service.port()).isEqualTo(80);
    assertThat(service.poll()).isEqualTo(10);
    assertThat(service.ttl()).isEqualTo(25);
    assertThat(service.interfaces()).containsExactly("eth0", "inet");
    assertThat(service.tags()).containsExactly("web");
    assertThat(service.timeout()).contains(Duration.ofSeconds(5));
    assertThat(service.health().orElseThrow().argv())
        .containsExactly("/usr/bin/curl", "--fail", "-s", "http://localhost/health");
    assertThat(config.backends()).extracting(BackendSpec::name).containsExactly("nginx", "app2");
    assertThat(config.backends().get(0).tag()).contains("prod");
    assertThat(config.backends().get(1).poll()).isEqualTo(3);
    TelemetrySpec telemetry = config.telemetry().orElseThrow();
    assertThat(telemetry.interfaces()).containsExactly("lo");
    SensorSpec sensor = telemetry.sensors().get(0);
    assertThat(sensor.type()).isEqualTo(SensorSpec.SensorType.GAUGE);
    assertThat(sensor.timeout()).contains(Duration.ofSeconds(90));
    assertThat(loaded.warnings())
        .extracting(ConfigProblem::render)
        .containsExactly("<inline config>:3:14: onStart: is deprecated; use preStart");
  }

  @Test
  void read_minimal_defaults() throws ConfigException {
    PilotConfig config = load("{\"consul\": \"https://c:8501\"}").config();
    assertThat(config.consul().orElseThrow().scheme()).isEqualTo("https");
    assertThat(config.consul().orElseThrow().address()).isEqualTo("c:8501");
    assertThat(config.stopTimeout()).isEqualTo(PilotConfig.DEFAULT_STOP_TIMEOUT);
    assertThat(config.logging()).isEqualTo(LoggingSpec.DEFAULT);
    assertThat(config.preStart()).isEmpty();
    assertThat(config.services()).isEmpty();
  }

  @Test
  void read_stopTimeout_zeroIsDefaultNegativeIsImmediate() throws ConfigException {
    assertThat(load("{\"consul\":\"c:1\",\"stopTimeout\":0}").config().stopTimeout())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(load("{\"consul\":\"c:1\",\"stopTimeout\":-1}").config().stopTimeout()).isZero();
  }

  @Test
  void read_consulObjectForm_withToken() throws ConfigException {
    ConsulSpec consul =
        load("{\"consul\":{\"address\":\"c:8500\",\"scheme\":\"https\",\"token\":\"t\"}}")
            .config()
            .consul()
            .orElseThrow();
    assertThat(consul).isEqualTo(new ConsulSpec("c:8500", "https", java.util.Optional.of("t")));
  }

  @Test
  void read_emptyStringCommand_isNoCommand() throws ConfigException {
    assertThat(load("{\"consul\":\"c:1\",\"preStop\":\"\"}").config().preStop()).isEmpty();
  }

  /** ContainerPilot's typed structs were filled by Go's encoding/json, which ignores case. */
  @Test
  void read_keysSpelledInAnotherCase_areTheKeys() throws ConfigException {
    PilotConfig config =
        load("{\"Consul\":\"c:1\",\"PRESTOP\":\"echo bye\",\"StopTimeout\":7,"
                + "\"services\":[{\"Name\":\"web\",\"Port\":80,\"poll\":1,\"TTL\":3,"
                + "\"health\":\"true\"}]}")
            .config();
    assertThat(config.preStop()).isPresent();
    assertThat(config.stopTimeout()).isEqualTo(java.time.Duration.ofSeconds(7));
    assertThat(config.services())
        .singleElement()
        .satisfies(
            service -> {
              assertThat(service.port()).isEqualTo(80);
              assertThat(service.ttl()).isEqualTo(3);
            });
    assertThat(errors("{\"consul\":\"c:1\",\"PreStopp\":\"x\"}"))
        .singleElement()
        .asString()
        .contains("unknown key \"PreStopp\"");
  }

  @Test
  void read_oneBackendNameWithTwoTags_isTwoBackends_twiceTheSameIsAnError() throws ConfigException {
    String backend = "{\"name\":\"db\",\"poll\":1,\"onChange\":\"x\"%s}";
    String primary = backend.formatted(",\"tag\":\"primary\"");
    String replica = backend.formatted(",\"tag\":\"replica\"");
    String config = "{\"consul\":\"c:1\",\"backends\":[%s,%s]}";
    assertThat(load(config.formatted(primary, replica)).config().backends())
        .extracting(spec -> spec.tag().orElseThrow())
        .containsExactly("primary", "replica");
    assertThat(errors(config.formatted(primary, primary)))
        .singleElement()
        .asString()
        .contains("backends: has two entries named \"db\" with tag \"primary\"");
    assertThat(errors(config.formatted(backend.formatted(""), backend.formatted(""))))
        .singleElement()
        .asString()
        .contains("backends: has two entries named \"db\"");
  }

  @Test
  void read_unknownKeys_areErrorsNamingThem() {
    assertThat(errors("{\"consul\":\"c:1\",\"bogus\":1}"))
        .singleElement()
        .asString()
        .startsWith("<inline config>:1:25: unknown key \"bogus\" (known keys: consul,");
    assertThat(
            errors(
                "{\"consul\":\"c:1\",\"services\":[{\"name\":\"web\",\"port\":1,\"poll\":1,\"ttl\":1,\"helth\":\"x\"}]}"))
        .singleElement()
        .asString()
        .contains("services[web]: unknown key \"helth\"");
  }

  @Test
  void read_invalidServices_everyProblemNamed() {
    assertThat(
            errors(
                "{\"consul\":\"c:1\",\"services\":[{\"name\":\"web\",\"port\":0,\"poll\":\"x\"},{\"port\":1,\"poll\":1,\"ttl\":1}]}"))
        .containsExactly(
            "<inline config>:1:50: services[web].port: must be greater than 0",
            "<inline config>:1:59: services[web].poll: must be an integer",
            "<inline config>:1:29: services[web].ttl: is required",
            "<inline config>:1:64: services[1].name: is required");
  }

  @Test
  void read_discoveryBackend_exactlyOneRequired() {
    assertThat(errors("{}"))
        .containsExactly(
            "<inline config>:1:1: no discovery backend defined: add \"consul\": \"host:port\"");
    assertThat(errors("{\"consul\":\"c:1\",\"etcd\":{\"endpoints\":\"http://e:2379\"}}"))
        .anyMatch(line -> line.contains("more than one discovery backend"));
    assertThat(errors("{\"consul\":\"nohostport\"}"))
        .singleElement()
        .asString()
        .contains("consul: must be host:port");
  }

  @Test
  void read_commandTypes_checked() {
    assertThat(errors("{\"consul\":\"c:1\",\"preStop\":5}"))
        .containsExactly("<inline config>:1:27: preStop: must be a string or an array");
    assertThat(errors("{\"consul\":\"c:1\",\"preStop\":[]}"))
        .containsExactly("<inline config>:1:27: preStop: must not be an empty array");
    assertThat(errors("{\"consul\":\"c:1\",\"preStop\":\"sh -c 'x\"}"))
        .containsExactly(
            "<inline config>:1:27: preStop: is not a valid command: unterminated single quote at column 7");
    assertThat(errors("{\"consul\":\"c:1\",\"onStart\":\"a\",\"preStart\":\"b\"}"))
        .anyMatch(line -> line.contains("give either onStart or preStart"));
  }

  @Test
  void read_loggingAndSensorEnums_listAllowedValues() {
    assertThat(errors("{\"consul\":\"c:1\",\"logging\":{\"level\":\"loud\"}}"))
        .containsExactly(
            "<inline config>:1:36: logging.level: must be one of debug, info, warn, error, fatal, panic, not \"loud\"");
    assertThat(
            errors(
                "{\"consul\":\"c:1\",\"telemetry\":{\"sensors\":[{\"name\":\"s\",\"type\":\"meter\",\"poll\":1,\"check\":\"x\"}]}}"))
        .singleElement()
        .asString()
        .contains("telemetry.sensors[s].type: must be one of counter, gauge, histogram, summary");
  }

  @Test
  void read_badTimeout_isError() {
    assertThat(
            errors(
                "{\"consul\":\"c:1\",\"backends\":[{\"name\":\"b\",\"poll\":1,\"onChange\":\"x\",\"timeout\":\"5 parsecs\"}]}"))
        .singleElement()
        .asString()
        .contains("backends[b].timeout: must be a duration");
  }

  @Test
  void load_jsonSyntaxError_hasLineColumnAndCaret() {
    assertThatThrownBy(() -> load("{\n  \"consul\": \"c:1\",\n}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("<inline config>:3:1: JSON syntax error");
  }

  @Test
  void load_templateRenderedBeforeParsing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.json");
    Files.writeString(
        file,
        "{\"consul\": \"{{ .CONSUL | default \"consul\" }}:8500\", \"preStart\": \"echo {{.X}}\"}");
    PilotConfig config =
        PilotConfigLoader.load("file://" + file, Environment.of(Map.of("X", "a=b"))).config();
    assertThat(config.consul().orElseThrow().address()).isEqualTo("consul:8500");
    assertThat(config.preStart()).contains(Command.of("echo", "a=b"));
  }

  @Test
  void load_templateError_pointsIntoTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.json");
    Files.writeString(file, "{\n  \"consul\": \"{{ .C | nope }}\"\n}");
    assertThatThrownBy(() -> PilotConfigLoader.load("file://" + file, Environment.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":2:22: cannot apply template: function \"nope\" not defined");
  }

  @Test
  void load_missingFile_namesIt() {
    assertThatThrownBy(() -> PilotConfigLoader.load("file:///no/such.json", Environment.empty()))
        .hasMessageContaining("/no/such.json: cannot read file: no such file");
  }

  @Test
  void parseTimeout_goDurations() {
    assertThat(GoDurations.parseTimeout("")).isEmpty();
    assertThat(GoDurations.parseTimeout("0")).isEmpty();
    assertThat(GoDurations.parseTimeout("10")).contains(Duration.ofSeconds(10));
    assertThat(GoDurations.parseTimeout("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
    assertThat(GoDurations.parseTimeout("250ms")).contains(Duration.ofMillis(250));
    assertThatThrownBy(() -> GoDurations.parseTimeout("1.2.3s"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoDurations.parseTimeout("5d"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
