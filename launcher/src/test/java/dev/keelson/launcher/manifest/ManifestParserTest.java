package dev.keelson.launcher.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.Document;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.PaunchConfig;
import dev.keelson.launcher.spec.PortBinding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestParserTest {

  private static PaunchConfig parse(String yaml) throws ConfigException {
    return ConfigFileReader.parse(YamlDocuments.parse(ConfigSource.of("pod.yml", yaml)));
  }

  /** Every error message of a manifest that must be refused. */
  private static List<String> errors(String yaml) {
    ConfigException failure = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
    assertThat(failure).as("the manifest is refused").isNotNull();
    return failure.problems().stream()
        .filter(ConfigProblem::isError)
        .map(ConfigProblem::render)
        .toList();
  }

  private static String web(String containerBody) {
    return """
        version: v1beta1
        volumes:
          - name: data
        containers:
          - name: web
            image: keelson/busybox:1
        """
        + containerBody.indent(4);
  }

  /** A manifest of containers a and b (image x), each with the one port given as a flow map. */
  private static String twoContainers(String portOfA, String portOfB) {
    return "version: v1beta1\ncontainers:\n  - name: a\n    image: x\n    ports: ["
        + portOfA
        + "]\n  - name: b\n    image: x\n    ports: ["
        + portOfB
        + "]\n";
  }

  @Test
  void isManifest_onlyWhenTopLevelVersionIsAScalar_aPaunchEntryNamedVersionIsNot()
      throws Exception {
    PaunchConfig paunch =
        parse("version: {image: 'keelson/busybox:1'}\nweb: {image: 'keelson/busybox:1'}\n");

    assertThat(paunch.containers())
        .extracting(ContainerSpec::name)
        .containsExactly("version", "web");
    assertThat(ManifestParser.isManifest(document("version: v1beta1\ncontainers: []\n"))).isTrue();
    assertThat(ManifestParser.isManifest(document("version: 2\n"))).isTrue();
    assertThat(ManifestParser.isManifest(document("version: {image: x}\n"))).isFalse();
    assertThat(ManifestParser.isManifest(document("web: {image: x}\n"))).isFalse();
  }

  private static Document document(String yaml) throws Exception {
    return YamlDocuments.parse(ConfigSource.of("c.yml", yaml));
  }

  @Test
  void parse_validManifest_translatesEveryField() throws Exception {
    PaunchConfig config =
        parse(
            web(
                """
                command: [httpd, -f, -p, '8080']
                workingDir: /www
                ports:
                  - name: http
                    containerPort: 8080
                    hostPort: 18080
                    hostIp: 127.0.0.1
                    protocol: UDP
                  - containerPort: 9090
                volumeMounts:
                  - name: data
                    path: /www
                    readOnly: true
                env:
                  - key: MODE
                    value: fast
                """));

    ContainerSpec spec = config.containers().get(0);
    assertThat(spec.name()).isEqualTo("web");
    assertThat(spec.image()).isEqualTo("keelson/busybox:1");
    assertThat(spec.command()).containsExactly("httpd", "-f", "-p", "8080");
    assertThat(spec.workload().workingDir()).isEqualTo("/www");
    assertThat(spec.workload().ports())
        .containsExactly(
            new PortBinding(8080, 18080, "127.0.0.1", "udp"),
            new PortBinding(9090, 9090, null, "tcp"));
    assertThat(spec.host().volumes()).containsExactly("data:/www:ro");
    assertThat(spec.process().environment()).containsExactly("MODE=fast");
    assertThat(spec.process().restart()).isEqualTo("always");
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void parse_configData_isTheContainerMappingAsWritten() throws Exception {
    ContainerSpec spec = parse(web("command: [sleep, '1']")).containers().get(0);

    assertThat(spec.configData())
        .isEqualTo(
            "{\"name\": \"web\", \"image\": \"keelson/busybox:1\", \"command\": [\"sleep\", \"1\"]}");
  }

  @Test
  void parse_paunchConfigWithoutVersion_isReadAsPaunchConfig() throws Exception {
    PaunchConfig config = parse("web:\n  image: keelson/busybox:1\n");

    assertThat(config.containers()).extracting(ContainerSpec::name).containsExactly("web");
  }

  @Test
  void parse_otherVersion_isRefused() {
    assertThat(errors("version: v1\ncontainers: []\n"))
        .containsExactly("pod.yml:1:10: version is not supported: 'v1' (only v1beta1)");
  }

  @Test
  void parse_hostPortOutOfRange_namesFieldPathAndPosition() {
    assertThat(
            errors(
                web(
                    """
                    ports:
                      - name: http
                        containerPort: 80
                        hostPort: 70000
                    """)))
        .containsExactly(
            "pod.yml:10:19: containers[web].ports[http].hostPort is invalid: 70000 (a port is 1-65535)");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65536, -1})
  void parse_containerPortOutOfRange_isRefused(int port) {
    assertThat(errors(web("ports:\n  - containerPort: " + port + "\n")))
        .singleElement()
        .asString()
        .contains("containers[web].ports[0].containerPort is invalid: " + port);
  }

  @Test
  void parse_portWithNullContainerPort_isRefusedNotDropped() {
    assertThat(errors(web("ports:\n  - {name: http, containerPort: null}\n")))
        .singleElement()
        .asString()
        .contains("containers[web].ports[http].containerPort is required");
  }

  @Test
  void parse_portWithoutContainerPort_isRefused() {
    assertThat(errors(web("ports:\n  - name: http\n")))
        .singleElement()
        .asString()
        .contains("containers[web].ports[http].containerPort is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Web", "1web", "web-", "we_b", "web.app"})
  void parse_containerNameNotRfc1035_isRefused(String name) {
    String yaml = "version: v1beta1\ncontainers:\n  - name: '" + name + "'\n    image: x\n";

    assertThat(errors(yaml))
        .singleElement()
        .asString()
        .contains("containers[" + name + "].name is invalid: '" + name + "'");
  }

  @Test
  void parse_containerNameLongerThan63_isRefused() {
    String name = "a".repeat(64);
    String yaml = "version: v1beta1\ncontainers:\n  - name: " + name + "\n    image: x\n";

    assertThat(errors(yaml)).singleElement().asString().contains("name is invalid");
  }

  @Test
  void parse_duplicateContainerNames_areRefused() {
    String yaml =
        "version: v1beta1\ncontainers:\n  - {name: web, image: x}\n  - {name: web, image: y}\n";

    assertThat(errors(yaml))
        .containsExactly(
            "pod.yml:4:12: containers[web].name is invalid: 'web' (duplicate container name)");
  }

  @Test
  void parse_missingNameAndImage_areRequired() {
    assertThat(errors("version: v1beta1\ncontainers:\n  - command: [sh]\n"))
        .containsExactly(
            "pod.yml:3:5: containers[0].name is required",
            "pod.yml:3:5: containers[0].image is required");
  }

  @Test
  void parse_badAndDuplicateVolumeNames_areRefused() {
    String yaml =
        """
        version: v1beta1
        volumes:
          - name: Data
          - name: logs
          - name: logs
        containers: []
        """;

    assertThat(errors(yaml))
        .containsExactly(
            "pod.yml:3:11: volumes[Data].name is invalid: 'Data' ("
                + ManifestParser.RFC_1035_HINT
                + ")",
            "pod.yml:5:11: volumes[logs].name is invalid: 'logs' (duplicate volume name)");
  }

  @Test
  void parse_duplicatePortNames_inOneContainer_areRefused() {
    assertThat(
            errors(
                web(
                    """
                    ports:
                      - {name: http, containerPort: 80}
                      - {name: http, containerPort: 81}
                    """)))
        .singleElement()
        .asString()
        .contains("containers[web].ports[http].name is invalid: 'http' (duplicate port name)");
  }

  @Test
  void parse_badPortName_isRefused() {
    assertThat(errors(web("ports:\n  - {name: HTTP, containerPort: 80}\n")))
        .singleElement()
        .asString()
        .contains("containers[web].ports[HTTP].name is invalid: 'HTTP'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"256.0.0.1", "1.2.3", "::1", "localhost", "01.2.3.4"})
  void parse_hostIpNotIpv4_isRefused(String address) {
    assertThat(
            errors(
                web("ports:\n  - {containerPort: 80, hostPort: 80, hostIp: '" + address + "'}\n")))
        .singleElement()
        .asString()
        .contains("containers[web].ports[0].hostIp is invalid: '" + address + "'");
  }

  @ParameterizedTest
  @CsvSource({"TCP,tcp", "UDP,udp", "udp,udp"})
  void parse_protocol_isTcpOrUdp(String written, String expected) throws Exception {
    ContainerSpec spec =
        parse(web("ports:\n  - {containerPort: 80, protocol: " + written + "}\n"))
            .containers()
            .get(0);

    assertThat(spec.workload().ports().get(0).protocol()).isEqualTo(expected);
  }

  @Test
  void parse_otherProtocol_isRefused() {
    assertThat(errors(web("ports:\n  - {containerPort: 80, protocol: SCTP}\n")))
        .singleElement()
        .asString()
        .contains("containers[web].ports[0].protocol is invalid: 'SCTP' (must be TCP or UDP)");
  }

  /** b's port publishes 8080 as a's does: given, or by default on its containerPort. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{name: web, containerPort: 81, hostPort: 8080}",
        "{name: web, containerPort: 8080}"
      })
  void parse_sameHostPortTwiceAcrossContainers_isRefused(String portOfB) {
    String yaml = twoContainers("{name: http, containerPort: 80, hostPort: 8080}", portOfB);

    assertThat(errors(yaml))
        .singleElement()
        .asString()
        .contains(
            "containers[b].ports[web].hostPort is invalid: 8080 (8080/tcp is already published"
                + " by containers[a].ports[http])");
  }

  @Test
  void parse_sameHostPortOnOtherProtocolOrAddress_isAccepted() throws Exception {
    String yaml =
        """
        version: v1beta1
        containers:
          - name: a
            image: x
            ports:
              - {containerPort: 80, hostPort: 8080}
              - {containerPort: 80, hostPort: 8080, protocol: UDP}
              - {containerPort: 81, hostPort: 8080, hostIp: 127.0.0.2}
        """;

    assertThat(parse(yaml).containers().get(0).workload().ports()).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1KEY", "MY-KEY", "A B", "é"})
  void parse_envKeyNotCIdentifier_isRefused(String key) {
    assertThat(errors(web("env:\n  - {key: '" + key + "', value: x}\n")))
        .singleElement()
        .asString()
        .contains("containers[web].env[" + key + "].key is invalid: '" + key + "'");
  }

  @Test
  void parse_envKeyCIdentifier_isAccepted() throws Exception {
    ContainerSpec spec =
        parse(web("env:\n  - {key: _My_Key2, value: 1}\n  - {key: EMPTY}\n")).containers().get(0);

    assertThat(spec.process().environment()).containsExactly("_My_Key2=1", "EMPTY=");
  }

  @Test
  void parse_relativeMountPath_isRefused() {
    assertThat(errors(web("volumeMounts:\n  - {name: data, path: data}\n")))
        .singleElement()
        .asString()
        .contains("containers[web].volumeMounts[data].path is invalid: 'data'");
  }

  @Test
  void parse_pathLongerThan512_isRefused() {
    String path = "/" + "p".repeat(512);

    assertThat(errors(web("workingDir: " + path + "\n")))
        .singleElement()
        .asString()
        .contains("containers[web].workingDir is invalid");
  }

  @Test
  void parse_pathOf512_isAccepted() throws Exception {
    String path = "/" + "p".repeat(511);

    assertThat(parse(web("workingDir: " + path + "\n")).containers().get(0).workload().workingDir())
        .isEqualTo(path);
  }

  @Test
  void parse_mountOfUndeclaredVolume_isRefused() {
    assertThat(errors(web("volumeMounts:\n  - {name: logs, path: /logs}\n")))
        .containsExactly(
            "pod.yml:8:16: containers[web].volumeMounts[logs].name is invalid: 'logs' (no such"
                + " volume in volumes)");
  }

  @Test
  void parse_wrongTypes_areReportedWithTheirPath() {
    assertThat(errors(web("ports: {containerPort: 80}\ncommand: sleep\n")))
        .containsExactly(
            "pod.yml:8:14: containers[web].command must be a list, not the string 'sleep'",
            "pod.yml:7:12: containers[web].ports must be a list, not a mapping");
  }

  @Test
  void parse_unknownKey_isAWarning() throws Exception {
    PaunchConfig config = parse(web("cpu: 100\n"));

    assertThat(config.warnings())
        .extracting(ConfigProblem::render)
        .containsExactly("pod.yml:7:10: containers[web].cpu is not a v1beta1 field, ignored");
  }

  @Test
  void parse_hostPortAbsent_publishesOnTheContainerPort() throws Exception {
    ContainerSpec spec =
        parse(web("ports:\n  - {containerPort: 8080, hostIp: 127.0.0.1, protocol: UDP}\n"))
            .containers()
            .get(0);

    assertThat(spec.workload().ports())
        .containsExactly(new PortBinding(8080, 8080, "127.0.0.1", "udp"));
  }

  @Test
  void parse_hostPortZero_isRefused() {
    assertThat(errors(web("ports:\n  - {name: http, containerPort: 80, hostPort: 0}\n")))
        .containsExactly(
            "pod.yml:8:51: containers[web].ports[http].hostPort is invalid: 0 (a port is 1-65535)");
  }

  @Test
  void parse_containersMissing_isRequired() {
    assertThat(errors("version: v1beta1\nvolumes: [{name: data}]\n"))
        .containsExactly("pod.yml:1:1: containers is required");
  }

  @Test
  void parse_containersNull_isRequired() {
    assertThat(errors("version: v1beta1\ncontainers:\n"))
        .singleElement()
        .asString()
        .endsWith(": containers is required");
  }

  @Test
  void parse_containersEmpty_isAcceptedAndHasNoEntries() throws Exception {
    assertThat(parse("version: v1beta1\ncontainers: []\n").containers()).isEmpty();
  }
}
