package dev.keelson.launcher.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import org.junit.jupiter.api.Test;

class PaunchConfigParserTest {

  private static PaunchConfig parse(String yaml) throws ConfigException {
    return PaunchConfigParser.parse(YamlDocuments.parse(ConfigSource.of("app.yml", yaml)));
  }

  private static String errors(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigException e) {
      return String.valueOf(e.getMessage());
    }
    throw new AssertionError("expected a ConfigException for " + yaml);
  }

  @Test
  void parse_ulimitBeyondSixtyFourBits_isBadInputNotACrashLater() {
    assertThat(errors("web: {image: i, ulimit: [nofile=99999999999999999999]}"))
        .contains("app.yml")
        .contains("web.ulimit")
        .contains("'nofile=99999999999999999999' must have the form");
  }

  @Test
  void parse_fullEntry_readsEveryKey() throws Exception {
    PaunchConfig config =
        parse(
            """
            web:
              image: keelson/busybox:1
              command: sh -c 'echo hi'
              detach: false
              environment: {A: '1', B: ~}
              env_file: /etc/app.env
              restart: no
              privileged: true
              stop_grace_period: 1m30s
              mem_limit: 512m
              cpu_shares: 512
              cap_add: [net_admin]
              healthcheck: {test: /bin/true, interval: 30s, retries: 3}
              start_order: 2
              exit_codes: [0, 3]
              extra_hosts: [db:10.0.0.2]
            """);

    ContainerSpec web = config.container("web").orElseThrow();
    assertThat(web.command()).containsExactly("sh", "-c", "'echo", "hi'");
    assertThat(web.process().detach()).isFalse();
    assertThat(web.process().environment()).containsExactly("A=1", "B");
    assertThat(web.process().envFiles()).containsExactly("/etc/app.env");
    assertThat(web.process().restart()).isEqualTo("no");
    assertThat(web.process().stopTimeoutSeconds()).isEqualTo(90);
    assertThat(web.host().privileged()).isTrue();
    assertThat(web.resources().memLimit()).isEqualTo("512m");
    assertThat(web.resources().cpuShares()).isEqualTo(512L);
    assertThat(web.process().healthcheck())
        .isEqualTo(new HealthcheckSpec(java.util.List.of("/bin/true"), "30s", null, 3));
    assertThat(web.startOrder()).isEqualTo(2);
    assertThat(web.exitCodes()).containsExactlyInAnyOrder(0, 3);
    assertThat(web.host().extraHosts()).containsExactly("db:10.0.0.2");
  }

  @Test
  void parse_stringWhereListExpected_isOneItem() throws Exception {
    ContainerSpec spec =
        parse("app: {image: x, volumes: '/a:/b', cap_add: ALL, environment: FOO=bar}")
            .containers()
            .get(0);

    assertThat(spec.host().volumes()).containsExactly("/a:/b");
    assertThat(spec.host().capAdd()).containsExactly("ALL");
    assertThat(spec.process().environment()).containsExactly("FOO=bar");
  }

  @Test
  void parse_unknownKey_warnsWithKeyName() throws Exception {
    PaunchConfig config = parse("app:\n  image: x\n  ports: [80]\n");

    assertThat(config.warnings())
        .extracting(ConfigProblem::render)
        .containsExactly(
            "app.yml:3:10: app.ports: unknown key, ignored (it is still stored in the config_data"
                + " label)");
  }

  @Test
  void parse_missingImage_errorNamesContainerAndKey() {
    assertThat(errors("hello:\n  command: sleep 1\n"))
        .isEqualTo(
            "app.yml:2:3: hello.image: is required: name the image to run, e.g. image:"
                + " busybox:1");
  }

  @Test
  void parse_wrongTypes_reportsEveryProblemWithPosition() {
    String message =
        errors(
            """
            app:
              image: x
              command: 3600
              volumes: 5
              user: {name: root}
              detach: "false"
              action: start
            """);

    assertThat(message.lines())
        .containsExactly(
            "app.yml:7:11: app.action: must be 'run' or 'exec', not 'start'",
            "app.yml:3:12: app.command: must be a string or a list of strings, not the number 3600",
            "app.yml:6:11: app.detach: must be true or false, not the string 'false'",
            "app.yml:5:9: app.user: must be a string, not a mapping",
            "app.yml:4:12: app.volumes: '5' must be /container/path, or"
                + " source:/container/path[:options] with options from ro, rw, z, Z, nocopy and"
                + " the propagation modes");
  }

  @Test
  void parse_badNameAndRestart_errors() {
    assertThat(errors("'-x': {image: x}\nbb: {image: y, restart: sometimes}"))
        .contains("-x: is not a valid container name")
        .contains("bb.restart: must be one of no, always, unless-stopped, on-failure[:N]");
  }

  @Test
  void parse_unknownVolumeOption_errors() {
    assertThat(errors("app: {image: x, volumes: ['/a:/b:bogus']}"))
        .contains("app.volumes: '/a:/b:bogus' must be");
  }

  @Test
  void parse_topLevelList_errors() {
    assertThatThrownBy(() -> parse("- a\n- b\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the top level must be a mapping of container name to options");
  }

  @Test
  void parse_execWithoutCommand_errors() {
    assertThat(errors("ee: {action: exec}")).contains("ee.command: is required for action 'exec'");
  }

  @Test
  void inStartOrder_ties_keepFileOrder() throws Exception {
    PaunchConfig config =
        parse(
            "cc: {image: x, start_order: 1}\naa: {image: x}\nbb: {image: x, start_order: -1}\n"
                + "dd: {image: x}");

    assertThat(config.inStartOrder())
        .extracting(ContainerSpec::name)
        .containsExactly("bb", "aa", "dd", "cc");
  }
}
