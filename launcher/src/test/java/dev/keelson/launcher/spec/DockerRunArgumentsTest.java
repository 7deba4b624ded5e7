package dev.keelson.launcher.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import org.junit.jupiter.api.Test;

class DockerRunArgumentsTest {

  private static ContainerSpec spec(String yaml) throws Exception {
    return PaunchConfigParser.parse(YamlDocuments.parse(ConfigSource.of("t.yml", yaml)))
        .containers()
        .get(0);
  }

  @Test
  void commandLine_paunchReadmeExample_matchesPaunchOrder() throws Exception {
    ContainerSpec hello =
        spec("hello: {image: local/busybox:1, command: sleep 3600, environment: [A=1]}");

    assertThat(String.join(" ", DockerRunArguments.commandLine("hello", hello)))
        .isEqualTo("docker run --name hello --detach=true --env=A=1 local/busybox:1 sleep 3600");
  }

  @Test
  void commandLine_everyKey_inPaunchOrder() throws Exception {
    ContainerSpec all =
        spec(
            """
            all:
              command: [sh, -c, 'exit 0']
              image: img:1
              cap_drop: [MKNOD]
              cap_add: [NET_ADMIN]
              stop_grace_period: 10
              cpuset_cpus: '0'
              extra_hosts: [db:10.0.0.2]
              hostname: h
              stop_signal: SIGINT
              security_opt: [label=disable, no-new-privileges]
              mem_swappiness: 10
              memswap_limit: 1g
              mem_limit: 512m
              cpu_shares: 100
              log_tag: t
              volumes_from: [other]
              volumes: [/a:/b:ro]
              group_add: [wheel]
              user: '0'
              restart: always
              privileged: false
              healthcheck: {test: [CMD, /bin/true], interval: 5s, timeout: 2s, retries: 1}
              ulimit: [nofile=1024]
              uts: host
              pid: host
              ipc: host
              net: host
              tty: true
              interactive: true
              remove: true
              environment: [A=1]
              env_file: [/e]
              detach: true
            """);

    assertThat(DockerRunArguments.arguments(all))
        .containsExactly(
            "--detach=true",
            "--env-file=/e",
            "--env=A=1",
            "--rm",
            "--interactive",
            "--tty",
            "--net=host",
            "--ipc=host",
            "--pid=host",
            "--uts=host",
            "--ulimit=nofile=1024",
            "--health-cmd=/bin/true",
            "--health-interval=5s",
            "--health-timeout=2s",
            "--health-retries=1",
            "--privileged=false",
            "--restart=always",
            "--user=0",
            "--group-add=wheel",
            "--volume=/a:/b:ro",
            "--volumes-from=other",
            "--log-opt=tag=t",
            "--cpu-shares=100",
            "--memory=512m",
            "--memory-swap=1g",
            "--memory-swappiness=10",
            "--security-opt=label=disable",
            "--security-opt=no-new-privileges",
            "--stop-signal=SIGINT",
            "--hostname=h",
            "--add-host=db:10.0.0.2",
            "--cpuset-cpus=0",
            "--stop-timeout=10",
            "--cap-add=NET_ADMIN",
            "--cap-drop=MKNOD",
            "img:1",
            "sh",
            "-c",
            "exit 0");
  }

  @Test
  void arguments_detachFalse_omitsDetach() throws Exception {
    assertThat(DockerRunArguments.arguments(spec("aa: {image: x, detach: false}")))
        .containsExactly("x");
  }
}
