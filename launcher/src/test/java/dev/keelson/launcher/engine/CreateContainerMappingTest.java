package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each config key lands in the API field the docker CLI fills for paunch's argument. */
class CreateContainerMappingTest {

  private static ContainerSpec spec(String yaml) throws Exception {
    return PaunchConfigParser.parse(YamlDocuments.parse(ConfigSource.of("m.yml", yaml)))
        .containers()
        .get(0);
  }

  private static CreateContainerMapping.Mapped map(String yaml) throws Exception {
    return CreateContainerMapping.map(new ContainerRequest("web", Map.of(), spec(yaml), List.of()));
  }

  @Test
  void map_hostKeys_fillHostConfig() throws Exception {
    HostConfig host =
        map("""
                web:
                  image: x
                  remove: true
                  net: host
                  ipc: host
                  pid: host
                  uts: host
                  privileged: true
                  restart: on-failure:3
                  group_add: [wheel]
                  volumes: [/src:/dst:ro, /anon]
                  volumes_from: [other]
                  log_tag: t
                  cpu_shares: 512
                  mem_limit: 64m
                  memswap_limit: 1g
                  mem_swappiness: 10
                  security_opt: [no-new-privileges]
                  cap_add: [cap_net_admin]
                  cap_drop: [ALL]
                  extra_hosts: [db:10.0.0.2]
                  cpuset_cpus: '0'
                  ulimit: [nofile=1024:2048, nproc=64]
                """)
            .hostConfig();

    assertThat(host.getAutoRemove()).isTrue();
    assertThat(host.getNetworkMode()).isEqualTo("host");
    assertThat(host.getIpcMode()).isEqualTo("host");
    assertThat(host.getPidMode()).isEqualTo("host");
    assertThat(host.getUtSMode()).isEqualTo("host");
    assertThat(host.getPrivileged()).isTrue();
    assertThat(host.getRestartPolicy().toString()).isEqualTo("on-failure:3");
    assertThat(host.getGroupAdd()).containsExactly("wheel");
    assertThat(host.getBinds()).hasSize(1);
    assertThat(host.getBinds()[0].getPath()).isEqualTo("/src");
    assertThat(host.getBinds()[0].getVolume().getPath()).isEqualTo("/dst");
    assertThat(host.getVolumesFrom()[0].getContainer()).isEqualTo("other");
    assertThat(host.getLogConfig().getConfig()).containsEntry("tag", "t");
    assertThat(host.getCpuShares()).isEqualTo(512);
    assertThat(host.getMemory()).isEqualTo(64L * 1024 * 1024);
    assertThat(host.getMemorySwap()).isEqualTo(1024L * 1024 * 1024);
    assertThat(host.getMemorySwappiness()).isEqualTo(10L);
    assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
    assertThat(host.getCapAdd()).containsExactly(Capability.NET_ADMIN);
    assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
    assertThat(host.getExtraHosts()).containsExactly("db:10.0.0.2");
    assertThat(host.getCpusetCpus()).isEqualTo("0");
    assertThat(host.getUlimits())
        .extracting(Ulimit::getName, Ulimit::getSoftLong, Ulimit::getHardLong)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nofile", 1024L, 2048L),
            org.assertj.core.groups.Tuple.tuple("nproc", 64L, 64L));
  }

  @Test
  void map_anonymousVolume_becomesContainerVolume() throws Exception {
    assertThat(map("web: {image: x, volumes: [/anon]}").volumes())
        .extracting(volume -> volume.getPath())
        .containsExactly("/anon");
  }

  @Test
  void map_restartNo_isNoRestartPolicy() throws Exception {
    assertThat(map("web: {image: x, restart: no}").hostConfig().getRestartPolicy().toString())
        .isEqualTo("no");
  }

  @Test
  void map_healthcheckString_isShellFormInNanoseconds() throws Exception {
    HealthCheck check =
        java.util.Objects.requireNonNull(
            map("web: {image: x, healthcheck: {test: /bin/true, interval: 1m30s, timeout: 500ms, retries: 2}}")
                .healthCheck());

    assertThat(check.getTest()).containsExactly("CMD-SHELL", "/bin/true");
    assertThat(check.getInterval()).isEqualTo(90_000_000_000L);
    assertThat(check.getTimeout()).isEqualTo(500_000_000L);
    assertThat(check.getRetries()).isEqualTo(2);
  }

  @Test
  void map_healthcheckList_keepsExecForm() throws Exception {
    HealthCheck check =
        java.util.Objects.requireNonNull(
            map("web: {image: x, healthcheck: {test: [CMD, /bin/true]}}").healthCheck());

    assertThat(check.getTest()).containsExactly("CMD", "/bin/true");
  }
}
