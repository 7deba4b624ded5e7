package dev.keelson.launcher.engine;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import dev.keelson.launcher.spec.ByteSizes;
import dev.keelson.launcher.spec.Capabilities;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.Durations;
import dev.keelson.launcher.spec.HealthcheckSpec;
import dev.keelson.launcher.spec.HostOptions;
import dev.keelson.launcher.spec.ProcessOptions;
import dev.keelson.launcher.spec.ResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fills a create-container call with what {@code docker run} would send for paunch's arguments
 * (docs/config-paunch.md lists each key's API field). Pure apart from the command object it fills.
 */
final class CreateContainerMapping {

  private static final Set<String> EXEC_FORMS = Set.of("CMD", "CMD-SHELL", "NONE");

  private CreateContainerMapping() {}

  /**
   * The values that need parsing, computed once so that {@link ContainerEngine#check} finds every
   * failure.
   */
  record Mapped(HostConfig hostConfig, @Nullable HealthCheck healthCheck, List<Volume> volumes) {}

  static Mapped map(ContainerRequest request) {
    ContainerSpec spec = request.spec();
    HostConfig host = HostConfig.newHostConfig();
    List<Volume> anonymousVolumes = new ArrayList<>();
    mapProcess(spec.process(), host);
    mapHost(spec.host(), host, anonymousVolumes);
    if (!request.securityOpt().isEmpty()) {
      // The request's list, not the spec's: a seccomp profile file has been replaced by its JSON.
      host.withSecurityOpts(request.securityOpt());
    }
    mapResources(spec.resources(), host);
    HealthcheckSpec health = spec.process().healthcheck();
    return new Mapped(host, health == null ? null : healthCheck(health), anonymousVolumes);
  }

  static void apply(CreateContainerCmd cmd, ContainerRequest request) {
    Mapped mapped = map(request);
    ContainerSpec spec = request.spec();
    ProcessOptions process = spec.process();
    cmd.withName(request.name())
        .withLabels(request.labels())
        .withEnv(request.environment())
        .withHostConfig(mapped.hostConfig());
    if (!spec.command().isEmpty()) {
      cmd.withCmd(spec.command());
    }
    if (process.tty()) {
      cmd.withTty(true);
    }
    if (process.interactive()) {
      cmd.withStdinOpen(true);
    }
    if (process.user() != null) {
      cmd.withUser(process.user());
    }
    if (process.stopSignal() != null) {
      cmd.withStopSignal(process.stopSignal());
    }
    if (process.stopTimeoutSeconds() != null) {
      cmd.withStopTimeout(process.stopTimeoutSeconds());
    }
    if (spec.host().hostname() != null) {
      cmd.withHostName(spec.host().hostname());
    }
    if (mapped.healthCheck() != null) {
      cmd.withHealthcheck(mapped.healthCheck());
    }
    if (!mapped.volumes().isEmpty()) {
      cmd.withVolumes(mapped.volumes());
    }
    WorkloadMapping.apply(cmd, spec.workload());
  }

  private static void mapProcess(ProcessOptions process, HostConfig host) {
    if (process.remove()) {
      host.withAutoRemove(true);
    }
    if (process.restart() != null) {
      host.withRestartPolicy(RestartPolicy.parse(process.restart()));
    }
    if (process.logTag() != null) {
      host.withLogConfig(new LogConfig(null, Map.of("tag", process.logTag())));
    }
  }

  private static void mapHost(HostOptions options, HostConfig host, List<Volume> anonymous) {
    if (options.net() != null) {
      host.withNetworkMode(options.net());
    }
    if (options.ipc() != null) {
      host.withIpcMode(options.ipc());
    }
    if (options.pid() != null) {
      host.withPidMode(options.pid());
    }
    if (options.uts() != null) {
      host.withUtSMode(options.uts());
    }
    if (options.privileged() != null) {
      host.withPrivileged(options.privileged());
    }
    if (!options.extraHosts().isEmpty()) {
      host.withExtraHosts(options.extraHosts().toArray(String[]::new));
    }
    if (!options.capAdd().isEmpty()) {
      host.withCapAdd(capabilities(options.capAdd()));
    }
    if (!options.capDrop().isEmpty()) {
      host.withCapDrop(capabilities(options.capDrop()));
    }
    if (!options.groupAdd().isEmpty()) {
      host.withGroupAdd(options.groupAdd());
    }
    List<Bind> binds = new ArrayList<>();
    for (String volume : options.volumes()) {
      if (volume.contains(":")) {
        binds.add(Bind.parse(volume));
      } else {
        anonymous.add(new Volume(volume));
      }
    }
    if (!binds.isEmpty()) {
      host.withBinds(binds);
    }
    if (!options.volumesFrom().isEmpty()) {
      host.withVolumesFrom(options.volumesFrom().stream().map(VolumesFrom::parse).toList());
    }
  }

  private static void mapResources(ResourceOptions resources, HostConfig host) {
    if (!resources.ulimits().isEmpty()) {
      host.withUlimits(resources.ulimits().stream().map(CreateContainerMapping::ulimit).toList());
    }
    if (resources.cpuShares() != null) {
      host.withCpuShares(Math.toIntExact(resources.cpuShares()));
    }
    if (resources.memLimit() != null) {
      host.withMemory(bytes(resources.memLimit()));
    }
    if (resources.memswapLimit() != null) {
      host.withMemorySwap(bytes(resources.memswapLimit()));
    }
    if (resources.memSwappiness() != null) {
      host.withMemorySwappiness(resources.memSwappiness());
    }
    if (resources.cpusetCpus() != null) {
      host.withCpusetCpus(resources.cpusetCpus());
    }
  }

  private static Capability[] capabilities(List<String> names) {
    return names.stream()
        .map(name -> Capability.valueOf(Capabilities.normalise(name)))
        .toArray(Capability[]::new);
  }

  private static Ulimit ulimit(String text) {
    String[] nameAndLimits = text.split("=", 2);
    String[] limits = nameAndLimits[1].split(":", 2);
    long soft = Long.parseLong(limits[0]);
    long hard = limits.length > 1 ? Long.parseLong(limits[1]) : soft;
    return new Ulimit(nameAndLimits[0], soft, hard);
  }

  private static long bytes(String text) {
    return ByteSizes.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a size: " + text));
  }

  /**
   * docker's {@code --health-cmd} always means a shell command; a list written in the config is
   * taken as the exec form it looks like, since paunch's Python-list text was never usable.
   */
  static HealthCheck healthCheck(HealthcheckSpec health) {
    HealthCheck check = new HealthCheck();
    List<String> test = health.test();
    if (test.size() == 1) {
      check.withTest(List.of("CMD-SHELL", test.get(0)));
    } else if (!test.isEmpty()) {
      check.withTest(EXEC_FORMS.contains(test.get(0)) ? test : prepend("CMD", test));
    }
    if (health.interval() != null) {
      check.withInterval(nanos(health.interval()));
    }
    if (health.timeout() != null) {
      check.withTimeout(nanos(health.timeout()));
    }
    if (health.retries() != null) {
      check.withRetries(health.retries());
    }
    return check;
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private static long nanos(String duration) {
    return Durations.toNanos(duration)
        .orElseThrow(() -> new IllegalArgumentException("not a duration: " + duration));
  }
}
