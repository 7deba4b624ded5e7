package dev.keelson.launcher.spec;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code docker run} arguments paunch emits for an entry, in paunch's order (detach, env-file,
 * env, rm, interactive, tty, net, ipc, pid, uts, ulimit, health-*, privileged, restart, user,
 * group-add, volume, volumes-from, log-opt, cpu-shares, memory, memory-swap, memory-swappiness,
 * security-opt, stop-signal, stop-timeout, cap-add, cap-drop, image, command); the keys later
 * paunch releases added (hostname, add-host, cpuset-cpus) go where those releases put them, between
 * stop-signal and stop-timeout. Used for {@code debug --action print-cmd} and in messages; the
 * engine gets the same values through the API.
 */
public final class DockerRunArguments {

  private DockerRunArguments() {}

  /** {@code docker run --name <name> <args> <image> <command...>}. */
  public static List<String> commandLine(String containerName, ContainerSpec spec) {
    List<String> argv = new ArrayList<>(List.of("docker", "run", "--name", containerName));
    argv.addAll(arguments(spec));
    return argv;
  }

  /** The arguments after the name and labels, image and command included. */
  public static List<String> arguments(ContainerSpec spec) {
    List<String> args = new ArrayList<>();
    ProcessOptions process = spec.process();
    HostOptions host = spec.host();
    ResourceOptions resources = spec.resources();
    if (process.detach()) {
      args.add("--detach=true");
    }
    each(args, "--env-file=", process.envFiles());
    each(args, "--env=", process.environment());
    flag(args, "--rm", process.remove());
    flag(args, "--interactive", process.interactive());
    flag(args, "--tty", process.tty());
    option(args, "--net=", host.net());
    option(args, "--ipc=", host.ipc());
    option(args, "--pid=", host.pid());
    option(args, "--uts=", host.uts());
    each(args, "--ulimit=", resources.ulimits());
    HealthcheckSpec health = process.healthcheck();
    if (health != null) {
      if (!health.test().isEmpty()) {
        args.add("--health-cmd=" + healthCommand(health.test()));
      }
      option(args, "--health-interval=", health.interval());
      option(args, "--health-timeout=", health.timeout());
      option(
          args, "--health-retries=", health.retries() == null ? null : health.retries().toString());
    }
    if (host.privileged() != null) {
      args.add("--privileged=" + host.privileged());
    }
    option(args, "--restart=", process.restart());
    option(args, "--user=", process.user());
    each(args, "--group-add=", host.groupAdd());
    each(args, "--volume=", host.volumes());
    each(args, "--volumes-from=", host.volumesFrom());
    option(args, "--log-opt=tag=", process.logTag());
    option(args, "--cpu-shares=", text(resources.cpuShares()));
    option(args, "--memory=", resources.memLimit());
    option(args, "--memory-swap=", resources.memswapLimit());
    option(args, "--memory-swappiness=", text(resources.memSwappiness()));
    each(args, "--security-opt=", host.securityOpt());
    option(args, "--stop-signal=", process.stopSignal());
    option(args, "--hostname=", host.hostname());
    each(args, "--add-host=", host.extraHosts());
    option(args, "--cpuset-cpus=", resources.cpusetCpus());
    option(args, "--stop-timeout=", text(process.stopTimeoutSeconds()));
    each(args, "--cap-add=", host.capAdd());
    each(args, "--cap-drop=", host.capDrop());
    args.add(spec.image() == null ? "" : spec.image());
    args.addAll(spec.command());
    return args;
  }

  /** The shell form docker's {@code --health-cmd} takes; an exec-form list is joined. */
  static String healthCommand(List<String> test) {
    if (test.size() > 1 && (test.get(0).equals("CMD") || test.get(0).equals("CMD-SHELL"))) {
      return String.join(" ", test.subList(1, test.size()));
    }
    return String.join(" ", test);
  }

  private static @Nullable String text(@Nullable Number number) {
    return number == null ? null : number.toString();
  }

  private static void each(List<String> args, String prefix, List<String> values) {
    values.forEach(value -> args.add(prefix + value));
  }

  private static void flag(List<String> args, String flag, boolean on) {
    if (on) {
      args.add(flag);
    }
  }

  private static void option(List<String> args, String prefix, @Nullable String value) {
    if (value != null) {
      args.add(prefix + value);
    }
  }
}
