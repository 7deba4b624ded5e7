package dev.keelson.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.testkit.ConsulAgent;
import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged pilot as PID 1 ({@code unshare --pid --fork --mount-proc}) against a real Consul dev
 * agent: issue 6's "done when" end to end, through the supervisor's actor wiring. Services
 * advertise {@code static:127.0.0.1} because the pilot shares the host's network namespace here.
 * Measured times are appended to {@code pilot/target/discovery-pid1-timings.txt}.
 */
@Timeout(180)
class DiscoveryPid1IT {

  private static final Duration START = Duration.ofSeconds(20);
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int TTL_SECONDS = 5;

  private static ConsulAgent consul;
  private static CatalogProbe probe;

  @TempDir Path dir;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String hostname = hostname();

  @BeforeAll
  static void startConsul() {
    consul = ConsulAgent.start();
    probe = new CatalogProbe(consul);
  }

  @AfterAll
  static void stopConsul() {
    consul.close();
  }

  @Test
  void service_passingRightAfterStart_criticalWithinTtlWhenHealthFails_goneAfterSigterm()
      throws Exception {
    String name = "web-" + suffix;
    String id = name + "-" + hostname;
    long started = System.nanoTime();
    try (Pid1Run pilot = start(config(consul, service(name, 8080), ""), appUntilStopFile())) {
      awaitCheck(name, id, "passing", START);
      long toPassing = millisSince(started);
      assertThat(probe.catalog(name))
          .containsExactly(new CatalogProbe.Entry(id, "127.0.0.1", 8080));

      Files.createFile(dir.resolve("unhealthy"));
      long failed = System.nanoTime();
      awaitCheck(name, id, "critical", Duration.ofSeconds(TTL_SECONDS));
      long toCritical = millisSince(failed);

      Files.delete(dir.resolve("unhealthy"));
      awaitCheck(name, id, "passing", WAIT);

      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
      // deregistration happens before preStop, so it is complete once the pilot has exited
      assertThat(probe.catalog(name)).isEmpty();
      record(
          "start to passing "
              + toPassing
              + " ms; health failing to critical "
              + toCritical
              + " ms (poll 1 s, ttl "
              + TTL_SECONDS
              + " s)");
    }
  }

  /**
   * The autopilot pattern's config idioms, rendered by Go template rules as 2.0.1 did: the Consul
   * address chosen with if/else, and one service per name of a list with range.
   */
  @Test
  void goTemplateConfig_ifElseAndRange_registerEveryListedService() throws Exception {
    String config =
        """
        {"consul": "{{ if .CONSUL_AGENT }}localhost:1{{ else }}{{ .CONSUL }}{{ end }}",
         "services": [
           {{- range $i, $name := split "," .SERVICES }}{{ if $i }},{{ end }}
           {"name": "{{ $name }}-%s", "port": {{ printf "%%d" (len $name) }}, "poll": 1,
            "ttl": %d, "interfaces": ["static:127.0.0.1"], "health": ["true"]}
           {{- end }}]}
        """
            .formatted(suffix, TTL_SECONDS);
    Map<String, String> env = Map.of("CONSUL", consul.address(), "SERVICES", "web,api4");
    try (Pid1Run pilot =
        Pid1Run.start(
            env,
            dir.resolve("stdout"),
            dir.resolve("stderr"),
            "-config",
            config,
            "sh",
            "-c",
            "while [ ! -e " + dir.resolve("stop") + " ]; do sleep 0.1; done")) {
      for (String name : List.of("web-" + suffix, "api4-" + suffix)) {
        awaitCheck(name, name + "-" + hostname, "passing", START);
      }
      assertThat(probe.catalog("web-" + suffix))
          .containsExactly(
              new CatalogProbe.Entry("web-" + suffix + "-" + hostname, "127.0.0.1", 3));
      assertThat(probe.catalog("api4-" + suffix))
          .containsExactly(
              new CatalogProbe.Entry("api4-" + suffix + "-" + hostname, "127.0.0.1", 4));
      Files.createFile(dir.resolve("stop"));
      assertThat(pilot.awaitExit(Duration.ofSeconds(30))).isZero();
    }
  }

  @Test
  void healthCheckOutput_reachesThePilotsStdout_andIsTheChecksNote() throws Exception {
    String name = "talk-" + suffix;
    String id = name + "-" + hostname;
    String marker = "health-says-" + suffix;
    String services = serviceEchoing(name, marker);
    try (Pid1Run pilot = start(config(consul, services, ""), appUntilStopFile())) {
      awaitCheck(name, id, "passing", START);
      Eventually.await(
          "the health check's output in the pilot's stdout", WAIT, () -> occurrences(marker) >= 1);
      // the registration itself carries no note; the next heartbeat's pass sets it
      Eventually.await(
          "the output as the check's note",
          WAIT,
          () -> probe.checkOutput(id),
          output -> output.equals(Optional.of(marker)));

      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
    }
  }

  @Test
  void appExitingByItself_deregistersItsServices() throws Exception {
    String name = "exit-" + suffix;
    String id = name + "-" + hostname;
    try (Pid1Run pilot = start(config(consul, service(name, 8080), ""), appUntilStopFile())) {
      awaitCheck(name, id, "passing", START);

      Files.createFile(dir.resolve("stop"));

      assertThat(pilot.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(probe.catalog(name)).isEmpty();
    }
  }

  @Test
  void backend_onChangeRunsOnAddAndOnRemove_notWhileNothingChanges() throws Exception {
    String backend = "db-" + suffix;
    Path changes = dir.resolve("changes");
    String backends = backendRecordingChanges(backend, changes);
    String query = "query " + backend + ": 1 passing";
    try (Pid1Run pilot = start(config(consul, "", backends), appUntilStopFile())) {
      probe.registerInstance(backend, backend + "-1", 5432);
      Eventually.await("onChange after the add", WAIT, () -> lines(changes) == 1);
      int pollsAtChange = occurrences(query);

      // three more polls that see the same instance must not run onChange again
      Eventually.await("three more polls", WAIT, () -> occurrences(query) >= pollsAtChange + 3);
      assertThat(lines(changes)).isEqualTo(1);

      probe.deregisterInstance(backend + "-1");
      Eventually.await("onChange after the removal", WAIT, () -> lines(changes) == 2);
      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
    }
  }

  @Test
  void sighup_backendThatDidNotChange_doesNotRunOnChangeAgain() throws Exception {
    String backend = "kept-db-" + suffix;
    Path changes = dir.resolve("changes");
    String backends = backendRecordingChanges(backend, changes);
    String query = "query " + backend + ": 1 passing";
    Path file = dir.resolve("config.json");
    Files.writeString(file, config(consul, "", backends));
    try (Pid1Run pilot = start("file://" + file, appUntilStopFile())) {
      probe.registerInstance(backend, backend + "-1", 5432);
      Eventually.await("onChange after the add", WAIT, () -> lines(changes) == 1);

      pilot.signal("HUP");
      Eventually.await("reloaded", WAIT, () -> occurrences("configuration reloaded") == 1);
      int polls = occurrences(query);
      // the reloaded poller sees the same instance: 2.0.1 kept the state, so no onChange
      Eventually.await("three polls after the reload", WAIT, () -> occurrences(query) >= polls + 3);
      assertThat(lines(changes)).isEqualTo(1);

      probe.deregisterInstance(backend + "-1");
      Eventually.await("onChange after the removal", WAIT, () -> lines(changes) == 2);
      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
    }
  }

  @Test
  void sigusr1_entersMaintenanceDeregistering_andLeavesItRegisteringAtOnce() throws Exception {
    String name = "maint-" + suffix;
    String id = name + "-" + hostname;
    try (Pid1Run pilot = start(config(consul, service(name, 8080), ""), appUntilStopFile())) {
      awaitCheck(name, id, "passing", START);

      long entered = System.nanoTime();
      pilot.signal("USR1");
      Eventually.await("deregistered for maintenance", WAIT, () -> probe.catalog(name).isEmpty());
      long toDeregistered = millisSince(entered);

      long left = System.nanoTime();
      pilot.signal("USR1");
      awaitCheck(name, id, "passing", WAIT);
      long toPassing = millisSince(left);

      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
      assertThat(probe.catalog(name)).isEmpty();
      record(
          "maintenance: USR1 to deregistered "
              + toDeregistered
              + " ms; USR1 to passing again "
              + toPassing
              + " ms");
    }
  }

  @Test
  void telemetry_servesSensorValuesOnMetrics_advertisedAsContainerpilot() throws Exception {
    int port = freePort();
    String telemetry =
        """
        , "telemetry": {"port": %d, "interfaces": ["static:127.0.0.1"],
           "sensors": [{"namespace": "it", "subsystem": "s%s", "name": "answer", "help": "h",
                        "type": "gauge", "poll": 1, "check": ["/bin/sh", "-c", "echo 42"]}]}
        """
            .formatted(port, suffix.replace('-', '_'));
    String metric = "it_s" + suffix.replace('-', '_') + "_answer 42";
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest scrape =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try (Pid1Run pilot = start(config(consul, "", telemetry), appUntilStopFile())) {
      String body =
          Eventually.await(
              "sensor value on /metrics",
              START,
              () -> scrapeText(http, scrape),
              text -> text.contains(metric));
      assertThat(body).contains("process_cpu_seconds_total");
      awaitCheck("containerpilot", "containerpilot-" + hostname, "passing", WAIT);
      assertThat(probe.catalog("containerpilot"))
          .contains(new CatalogProbe.Entry("containerpilot-" + hostname, "127.0.0.1", port));

      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
      assertThat(probe.catalog("containerpilot"))
          .extracting(CatalogProbe.Entry::id)
          .doesNotContain("containerpilot-" + hostname);
    }
  }

  @Test
  void sighup_reregistersChangedServiceAndDropsRemovedOne() throws Exception {
    String kept = "kept-" + suffix;
    String dropped = "dropped-" + suffix;
    Path file = dir.resolve("config.json");
    Files.writeString(file, config(consul, service(kept, 8080) + "," + service(dropped, 8081), ""));
    try (Pid1Run pilot = start("file://" + file, appUntilStopFile())) {
      awaitCheck(kept, kept + "-" + hostname, "passing", START);
      awaitCheck(dropped, dropped + "-" + hostname, "passing", WAIT);

      Files.writeString(file, config(consul, service(kept, 9090), ""));
      pilot.signal("HUP");

      Eventually.await(
          "the changed port registered",
          WAIT,
          () -> probe.catalog(kept),
          entries ->
              entries.equals(
                  List.of(new CatalogProbe.Entry(kept + "-" + hostname, "127.0.0.1", 9090))));
      Eventually.await("the dropped service gone", WAIT, () -> probe.catalog(dropped).isEmpty());
      awaitCheck(kept, kept + "-" + hostname, "passing", WAIT);

      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
      assertThat(probe.catalog(kept)).isEmpty();
    }
  }

  @Test
  void sighup_configWhoseInterfacesMatchNothing_isRejected_oldConfigKeepsRunning()
      throws Exception {
    String name = "steady-" + suffix;
    String id = name + "-" + hostname;
    String marker = "steady-tick-" + suffix;
    String good = serviceEchoing(name, marker);
    Path file = dir.resolve("config.json");
    Files.writeString(file, config(consul, good, ""));
    try (Pid1Run pilot = start("file://" + file, appUntilStopFile())) {
      awaitCheck(name, id, "passing", START);

      Files.writeString(file, config(consul, good.replace("static:127.0.0.1", "nosuch0"), ""));
      pilot.signal("HUP");
      Eventually.await(
          "the reload rejected", WAIT, () -> occurrences("could not reload config") == 1);
      // the old health check still runs (its output keeps coming) and the service stays passing
      int ticks = occurrences(marker);
      Eventually.await("three more health checks", WAIT, () -> occurrences(marker) >= ticks + 3);
      assertThat(probe.checkStatus(name, id)).contains("passing");
      assertThat(occurrences("configuration reloaded")).isZero();

      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
      assertThat(probe.catalog(name)).isEmpty();
    }
  }

  @Test
  void sighup_toNoServicesOrAnotherAgent_deregistersTheOldServicesAtTheOldAgent() throws Exception {
    String name = "moving-" + suffix;
    String id = name + "-" + hostname;
    Path file = dir.resolve("config.json");
    Files.writeString(file, config(consul, service(name, 8080), ""));
    try (ConsulAgent other = ConsulAgent.start();
        Pid1Run pilot = start("file://" + file, appUntilStopFile())) {
      CatalogProbe otherProbe = new CatalogProbe(other);
      awaitCheck(name, id, "passing", START);

      // a config without services builds no discovery at all: the old one must still go
      Files.writeString(file, config(consul, "", ""));
      pilot.signal("HUP");
      Eventually.await("deregistered: no services", WAIT, () -> probe.catalog(name).isEmpty());

      Files.writeString(file, config(consul, service(name, 8080), ""));
      pilot.signal("HUP");
      awaitCheck(name, id, "passing", WAIT);

      // the same service at another agent: the first agent must not keep it
      Files.writeString(file, config(other, service(name, 8080), ""));
      pilot.signal("HUP");
      Eventually.await(
          "passing at the other agent",
          WAIT,
          () -> otherProbe.checkStatus(name, id),
          status -> status.equals(Optional.of("passing")));
      Eventually.await(
          "deregistered at the first agent", WAIT, () -> probe.catalog(name).isEmpty());

      pilot.signal("TERM");
      pilot.awaitExit(Duration.ofSeconds(30));
      assertThat(otherProbe.catalog(name)).isEmpty();
    }
  }

  @Test
  void consulDownAtStartAndKilledMidRun_serviceRegisteredAgainEachTime() throws Exception {
    try (ConsulAgent own = ConsulAgent.start()) {
      CatalogProbe ownProbe = new CatalogProbe(own);
      String name = "resilient-" + suffix;
      String id = name + "-" + hostname;
      own.kill();
      try (Pid1Run pilot = start(config(own, service(name, 8080), ""), appUntilStopFile())) {
        // the app runs although Consul is down: its loop is what keeps the pilot alive
        Eventually.await("pilot still running", WAIT, () -> pilot.process().isAlive());

        own.restart();
        long restarted = System.nanoTime();
        Eventually.await(
            "registered after Consul came up",
            WAIT,
            () -> ownProbe.checkStatus(name, id),
            status -> status.equals(Optional.of("passing")));
        long toRegistered = millisSince(restarted);

        own.restart();
        long restartedAgain = System.nanoTime();
        Eventually.await(
            "registered again after a restart mid-run",
            WAIT,
            () -> ownProbe.checkStatus(name, id),
            status -> status.equals(Optional.of("passing")));
        long toReregistered = millisSince(restartedAgain);

        pilot.signal("TERM");
        pilot.awaitExit(Duration.ofSeconds(30));
        assertThat(ownProbe.catalog(name)).isEmpty();
        record(
            "consul down at start, up: registered after "
                + toRegistered
                + " ms; killed and restarted mid-run: registered again after "
                + toReregistered
                + " ms (poll 1 s; restart includes leader election)");
      }
    }
  }

  @Test
  void interfacesMatchingNothing_failBeforeTheAppStarts_namingTheService() throws Exception {
    String services =
        """
        {"name": "bad-%s", "port": 80, "poll": 1, "ttl": 5, "interfaces": ["nosuch0"]}
        """
            .formatted(suffix);
    try (Pid1Run pilot =
        start(config(consul, services, ""), "sh", "-c", "touch " + dir.resolve("ran"))) {
      assertThat(pilot.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
    }
    assertThat(Files.readString(dir.resolve("stderr")))
        .contains("service bad-" + suffix + ": interfaces:")
        .contains("nosuch0");
    assertThat(dir.resolve("ran")).doesNotExist();
  }

  private String service(String name, int port) {
    return """
        {"name": "%s", "port": %d, "poll": 1, "ttl": %d, "timeout": "2s",
         "interfaces": ["static:127.0.0.1"],
         "health": ["/bin/sh", "-c", "test ! -e %s"]}
        """
        .formatted(name, port, TTL_SECONDS, dir.resolve("unhealthy"));
  }

  /** A config fragment (after a comma): one backend whose onChange appends a line. */
  private static String backendRecordingChanges(String backend, Path changes) {
    return """
        , "backends": [{"name": "%s", "poll": 1,
                        "onChange": ["/bin/sh", "-c", "echo changed >> %s"]}]
        """
        .formatted(backend, changes);
  }

  private static String config(ConsulAgent agent, String services, String more) {
    return """
        {"consul": "%s", "logging": {"level": "DEBUG"}, "services": [%s] %s}
        """
        .formatted(agent.address(), services, more);
  }

  private String[] appUntilStopFile() {
    return new String[] {
      "sh", "-c", "while [ ! -e " + dir.resolve("stop") + " ]; do sleep 0.1; done"
    };
  }

  private Pid1Run start(String config, String... app) throws IOException {
    String[] args = new String[app.length + 2];
    args[0] = "-config";
    args[1] = config;
    System.arraycopy(app, 0, args, 2, app.length);
    return Pid1Run.start(Map.of(), dir.resolve("stdout"), dir.resolve("stderr"), args);
  }

  private static void awaitCheck(String name, String id, String status, Duration timeout) {
    Eventually.await(
        name + " " + status,
        timeout,
        () -> probe.checkStatus(name, id),
        seen -> seen.equals(Optional.of(status)));
  }

  private static int lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return -1;
    }
  }

  private int occurrences(String text) {
    try {
      String out = Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8);
      int count = 0;
      for (int at = out.indexOf(text); at >= 0; at = out.indexOf(text, at + 1)) {
        count++;
      }
      return count;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String scrapeText(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String hostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void record(String line) throws IOException {
    Files.writeString(
        Pid1Run.repositoryRoot().resolve("pilot/target/discovery-pid1-timings.txt"),
        line + System.lineSeparator(),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** A service on 127.0.0.1:8080 polled every second whose health check prints {@code marker}. */
  private static String serviceEchoing(String name, String marker) {
    return """
        {"name": "%s", "port": 8080, "poll": 1, "ttl": %d, "interfaces": ["static:127.0.0.1"],
         "health": ["/bin/sh", "-c", "echo %s"]}
        """
        .formatted(name, TTL_SECONDS, marker);
  }
}
