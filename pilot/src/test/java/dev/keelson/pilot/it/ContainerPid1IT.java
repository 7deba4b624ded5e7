package dev.keelson.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.Eventually;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pilot as the entrypoint (PID 1) of real containers on the engine: exit codes, docker kill
 * signals, reaping, a ContainerPilot config from {@code CONTAINERPILOT}, stopTimeout, and a
 * read-only root filesystem (jffi must not need /tmp). Issue 5.
 */
@Timeout(180)
class ContainerPid1IT {

  private static final Duration EXIT = Duration.ofSeconds(60);
  private final PilotContainers containers = new PilotContainers();

  @BeforeAll
  static void buildImage() throws Exception {
    PilotContainers.buildImage();
  }

  @AfterEach
  void removeContainers() {
    containers.close();
  }

  private void awaitLog(String id, String text) {
    Eventually.await(
        "log line '" + text + "'",
        Duration.ofSeconds(30),
        () -> containers.logs(id).contains(text));
  }

  @Test
  void exitCodes_passedThroughAsPid1() {
    String exit3 = containers.run(Map.of(), false, "sh", "-c", "exit 3");
    String killed = containers.run(Map.of(), false, "sh", "-c", "kill -9 $$");
    String missing = containers.run(Map.of(), false, "/no/such/app");
    assertThat(containers.awaitExit(exit3, EXIT)).isEqualTo(3);
    assertThat(containers.awaitExit(killed, EXIT)).isEqualTo(137);
    assertThat(containers.awaitExit(missing, EXIT)).isEqualTo(127);
  }

  @Test
  void dockerKill_signalsForwarded_onReadOnlyRootfs() {
    String script =
        "trap 'echo got-usr2' USR2; trap 'echo got-winch' WINCH; trap 'exit 42' TERM;"
            + " echo pid1=$(cat /proc/1/comm); echo ready; while :; do sleep 0.02; done";
    String id = containers.run(Map.of(), true, "sh", "-c", script);
    awaitLog(id, "ready");
    assertThat(containers.logs(id)).contains("pid1=java");
    containers.signal(id, "USR2");
    awaitLog(id, "got-usr2");
    containers.signal(id, "WINCH");
    awaitLog(id, "got-winch");
    containers.signal(id, "TERM");
    assertThat(containers.awaitExit(id, EXIT)).isEqualTo(42);
  }

  @Test
  void thousandOrphans_noZombieInTheContainer() {
    String script =
        "i=0; while [ $i -lt 1000 ]; do (true &); i=$((i+1)); done; echo spawned; exec sleep 600";
    String id = containers.run(Map.of(), false, "sh", "-c", script);
    awaitLog(id, "spawned");
    Eventually.await(
        "no zombie in ps",
        Duration.ofSeconds(10),
        () -> containers.exec(id, "sh", "-c", "ps -o stat | grep -c '^Z' || true").trim(),
        zombies -> zombies.equals("0"));
    containers.signal(id, "TERM");
    assertThat(containers.awaitExit(id, EXIT)).isEqualTo(143);
  }

  @Test
  void containerpilotVariable_hooksRunInOrder_stopTimeoutEscalates() {
    String config =
        "{\"consul\": \"localhost:8500\", \"stopTimeout\": 1,"
            + " \"preStart\": \"echo hook-preStart\", \"preStop\": \"echo hook-preStop\","
            + " \"postStop\": [\"echo\", \"hook-postStop\"]}";
    String id =
        containers.run(
            Map.of("CONTAINERPILOT", config),
            false,
            "sh",
            "-c",
            "trap '' TERM; echo app-ready; while :; do sleep 0.02; done");
    awaitLog(id, "app-ready");
    containers.signal(id, "TERM");
    assertThat(containers.awaitExit(id, EXIT)).isEqualTo(137);
    String logs = containers.logs(id);
    assertThat(logs.indexOf("hook-preStart")).isLessThan(logs.indexOf("app-ready"));
    assertThat(logs.indexOf("app-ready")).isLessThan(logs.indexOf("hook-preStop"));
    assertThat(logs.indexOf("hook-preStop")).isLessThan(logs.indexOf("hook-postStop"));
  }
}
