package dev.keelson.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.e2e.ConsulHealth.Instance;
import dev.keelson.testkit.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-tier example as a user meets it: {@code paunch apply} starts a Consul server, a backend
 * and a frontend whose PID 1 is the pilot; then reload, maintenance, stop and scaling, each
 * observed in Consul's catalog and in the frontend's onChange output. The steps share one
 * deployment and run in order, as a user would go through them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoTierIT {

  /** JVM start of two pilots, Consul's leader election, first health check and backend poll. */
  private static final Duration FIRST_HEALTHY = Duration.ofSeconds(90);

  /** A few polls (2 s each in the example's configs) and a TTL. */
  private static final Duration WAIT = Duration.ofSeconds(45);

  private Path work;
  private TwoTierDeployment deployment;
  private ConsulHealth consul;

  @BeforeAll
  void deploy(@TempDir Path scratch) throws IOException, InterruptedException {
    work = scratch;
    Path root = Path.of(System.getProperty("keelson.root", "..")).toAbsolutePath().normalize();
    buildImages(root);
    deployment = new TwoTierDeployment(root, work);
    deployment.createNetwork();
    PaunchCli.Run applied = deployment.apply("two-tier.yml").requireSuccess();
    assertThat(applied.stdout()).contains("created 3 containers.");
    consul = new ConsulHealth(deployment.consulAddress());
  }

  @AfterAll
  void remove() {
    if (deployment != null) {
      deployment.close();
    }
  }

  @Test
  @Order(1)
  void apply_bothServicesPassingInConsul_frontendListsTheBackend() {
    List<Instance> backends = awaitPassing("backend", 1, FIRST_HEALTHY);
    awaitPassing("frontend", 1, FIRST_HEALTHY);
    assertThat(backends.get(0).port()).isEqualTo(8000);
    assertThat(backends.get(0).tags()).containsExactly("v1");
    awaitUpstreams(List.of(backends.get(0).endpoint()));
  }

  @Test
  @Order(2)
  void applyAgain_takesNoAction() throws IOException {
    String before = deployment.inspect("backend-1").getId();
    PaunchCli.Run again = deployment.apply("two-tier.yml").requireSuccess();
    assertThat(again.stdout()).contains("No action taken.");
    assertThat(deployment.inspect("backend-1").getId()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void hup_afterConfigChange_newTagsLive_appKeepsRunning() throws IOException {
    String httpdBefore = deployment.pidOf("backend-1", "httpd");
    String startedBefore = deployment.inspect("backend-1").getState().getStartedAt();
    Path root = Path.of(System.getProperty("keelson.root", "..")).toAbsolutePath().normalize();
    String config =
        Files.readString(
            root.resolve("examples/two-tier/image/backend.json"), StandardCharsets.UTF_8);
    assertThat(config).contains("\"tags\": [\"v1\"]");
    Path changed = work.resolve("backend.json");
    Files.writeString(changed, config.replace("\"tags\": [\"v1\"]", "\"tags\": [\"v2\"]"));
    deployment.copyInto("backend-1", changed);

    deployment.signal("backend-1", "SIGHUP");

    Eventually.await(
        "backend registered with tag v2",
        WAIT,
        () -> consul.passing("backend"),
        instances -> instances.size() == 1 && instances.get(0).tags().equals(List.of("v2")));
    assertThat(deployment.pidOf("backend-1", "httpd")).isEqualTo(httpdBefore);
    assertThat(deployment.inspect("backend-1").getState().getStartedAt()).isEqualTo(startedBefore);
  }

  @Test
  @Order(4)
  void usr1_entersMaintenanceAndLeavesIt_frontendFollows() {
    String endpoint = awaitPassing("backend", 1, WAIT).get(0).endpoint();

    deployment.signal("backend-1", "SIGUSR1");
    Eventually.await(
        "backend deregistered in maintenance",
        WAIT,
        consul::registeredIds,
        ids -> ids.stream().noneMatch(id -> id.startsWith("backend-")));
    awaitUpstreams(List.of());

    deployment.signal("backend-1", "SIGUSR1");
    awaitPassing("backend", 1, WAIT);
    awaitUpstreams(List.of(endpoint));
  }

  @Test
  @Order(5)
  void scaleToThree_frontendSeesThree_existingContainersUntouched() throws IOException {
    String consulId = deployment.inspect("consul").getId();
    String frontendId = deployment.inspect("frontend").getId();
    String backendId = deployment.inspect("backend-1").getId();

    PaunchCli.Run scaled = deployment.apply("two-tier-scaled.yml").requireSuccess();

    assertThat(scaled.stdout()).contains("created 2 containers.");
    List<Instance> backends = awaitPassing("backend", 3, FIRST_HEALTHY);
    awaitUpstreams(backends.stream().map(Instance::endpoint).sorted().toList());
    assertThat(deployment.inspect("consul").getId()).isEqualTo(consulId);
    assertThat(deployment.inspect("frontend").getId()).isEqualTo(frontendId);
    assertThat(deployment.inspect("backend-1").getId()).isEqualTo(backendId);
  }

  @Test
  @Order(6)
  void dockerStopOfABackend_deregistersIt_frontendOnChangeRuns() {
    List<String> before = deployment.upstreams();
    assertThat(before).hasSize(3);

    deployment.stop("backend-2");

    List<Instance> left = awaitPassing("backend", 2, WAIT);
    assertThat(consul.registeredIds()).hasSize(left.size() + 1); // the two backends + frontend
    awaitUpstreams(left.stream().map(Instance::endpoint).sorted().toList());
    assertThat(deployment.logs("backend-2")).contains("Deregistered service backend-");
    assertThat(deployment.logs("frontend")).contains("render-upstreams: 2 backend(s)");
  }

  private List<Instance> awaitPassing(String service, int count, Duration timeout) {
    return Eventually.await(
        count + " passing " + service + " instance(s)",
        timeout,
        () -> consul.passing(service),
        instances -> instances.size() == count);
  }

  private void awaitUpstreams(List<String> expected) {
    Eventually.await(
        "frontend upstreams " + expected,
        WAIT,
        deployment::upstreams,
        upstreams -> upstreams.equals(expected));
  }

  private static void buildImages(Path root) throws IOException, InterruptedException {
    Process build =
        new ProcessBuilder(
                "bash", root.resolve("scripts/build-images.sh").toString(), "consul", "two-tier")
            .redirectErrorStream(true)
            .start();
    String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
      throw new IllegalStateException("scripts/build-images.sh consul two-tier failed:\n" + output);
    }
  }
}
