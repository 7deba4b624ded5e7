package dev.keelson.pilot.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.pilot.discovery.CheckStatus;
import dev.keelson.pilot.discovery.ConsulAddress;
import dev.keelson.pilot.discovery.ConsulDiscoveryBackend;
import dev.keelson.pilot.discovery.ConsulOptions;
import dev.keelson.pilot.discovery.DiscoveryBackend;
import dev.keelson.pilot.discovery.DiscoveryException;
import dev.keelson.pilot.discovery.ServiceInstance;
import dev.keelson.pilot.discovery.ServiceRegistration;
import dev.keelson.testkit.ConsulAgent;
import dev.keelson.testkit.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Backend polling against a real agent: onChange on add and remove, silence otherwise. */
class BackendPollerIT {

  private static final Duration POLL = Duration.ofMillis(100);

  private static ConsulAgent agent;
  private static ConsulDiscoveryBackend consul;

  private final BlockingQueue<BackendChange> changes = new LinkedBlockingQueue<>();
  private final CountingBackend counting = new CountingBackend();

  @BeforeAll
  static void startAgent() throws Exception {
    agent = ConsulAgent.start();
    consul = ConsulDiscoveryBackend.connect(ConsulOptions.of(ConsulAddress.parse(agent.address())));
  }

  @AfterAll
  static void stopAgent() {
    consul.close();
    agent.close();
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (String id : List.of("db-1", "db-2", "db-3")) {
      consul.deregister(id);
    }
  }

  @Test
  void poll_instancesAddedAndRemoved_callsBackOnEachChange() throws Exception {
    try (BackendPoller poller = new BackendPoller(counting, "db", null, POLL, changes::add)) {
      poller.start(Duration.ZERO);
      awaitPolls(2);
      assertThat(changes).as("first polls of an empty backend").isEmpty();

      register("db-1", "10.1.0.1", 5432, List.of(), CheckStatus.PASSING);
      BackendChange added = next();
      assertThat(added.added()).containsExactly(new ServiceInstance("10.1.0.1", 5432));

      register("db-2", "10.1.0.2", 5432, List.of(), CheckStatus.PASSING);
      assertThat(next().current())
          .containsExactlyInAnyOrder(
              new ServiceInstance("10.1.0.1", 5432), new ServiceInstance("10.1.0.2", 5432));

      consul.updateTtl("db-1", CheckStatus.CRITICAL, "down");
      BackendChange failed = next();
      assertThat(failed.removed()).containsExactly(new ServiceInstance("10.1.0.1", 5432));

      consul.deregister("db-2");
      assertThat(next().current()).isEmpty();
    }
  }

  @Test
  void poll_onlyTagsOrIdsChange_doesNotCallBack() throws Exception {
    register("db-1", "10.1.0.1", 5432, List.of("v1"), CheckStatus.PASSING);
    try (BackendPoller poller = new BackendPoller(counting, "db", null, POLL, changes::add)) {
      poller.start(Duration.ZERO);
      assertThat(next().added()).as("D14: instances present at the first poll").hasSize(1);

      register("db-1", "10.1.0.1", 5432, List.of("v2"), CheckStatus.PASSING); // new tags only
      register(
          "db-3", "10.1.0.1", 5432, List.of(), CheckStatus.PASSING); // new id, same address:port
      consul.deregister("db-1");
      awaitPolls(3);

      assertThat(changes).isEmpty();
    }
  }

  @Test
  void poll_withTag_seesOnlyTaggedInstances() throws Exception {
    register("db-1", "10.1.0.1", 5432, List.of("primary"), CheckStatus.PASSING);
    register("db-2", "10.1.0.2", 5432, List.of("replica"), CheckStatus.PASSING);
    try (BackendPoller poller = new BackendPoller(counting, "db", "primary", POLL, changes::add)) {
      poller.start(Duration.ZERO);

      assertThat(next().current()).containsExactly(new ServiceInstance("10.1.0.1", 5432));
    }
  }

  @Test
  void poll_slowCallback_neverOverlapsAndDelaysNextPoll() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger pollsDuringCallback = new AtomicInteger();
    try (BackendPoller poller =
        new BackendPoller(
            counting,
            "db",
            null,
            POLL,
            change -> {
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              int pollsAtEntry = counting.polls.get();
              entered.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              pollsDuringCallback.addAndGet(counting.polls.get() - pollsAtEntry);
              running.decrementAndGet();
              changes.add(change);
            })) {
      register("db-1", "10.1.0.1", 5432, List.of(), CheckStatus.PASSING);
      poller.start(Duration.ZERO);
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      register("db-2", "10.1.0.2", 5432, List.of(), CheckStatus.PASSING);
      long blockedUntil = System.nanoTime() + 3 * POLL.toNanos();
      Eventually.await(
          "three poll intervals to pass",
          Duration.ofSeconds(5),
          () -> System.nanoTime() - blockedUntil > 0);
      release.countDown();

      next();
      BackendChange second = next();
      assertThat(second.added()).containsExactly(new ServiceInstance("10.1.0.2", 5432));
      assertThat(maxRunning).hasValue(1);
      assertThat(pollsDuringCallback).hasValue(0);
    }
  }

  @Test
  void pause_paused_skipsPollsUntilResumed() throws Exception {
    try (BackendPoller poller = new BackendPoller(counting, "db", null, POLL, changes::add)) {
      poller.pause();
      poller.start(Duration.ZERO);
      register("db-1", "10.1.0.1", 5432, List.of(), CheckStatus.PASSING);
      long until = System.nanoTime() + 3 * POLL.toNanos();
      Eventually.await(
          "three poll intervals to pass",
          Duration.ofSeconds(5),
          () -> System.nanoTime() - until > 0);
      assertThat(counting.polls).hasValue(0);

      poller.resume();

      assertThat(next().added()).containsExactly(new ServiceInstance("10.1.0.1", 5432));
    }
  }

  private void register(String id, String address, int port, List<String> tags, CheckStatus status)
      throws DiscoveryException {
    consul.register(
        new ServiceRegistration(id, "db", address, port, tags, Duration.ofSeconds(30)), status);
  }

  private BackendChange next() throws InterruptedException {
    BackendChange change = changes.poll(10, TimeUnit.SECONDS);
    assertThat(change).as("an onChange callback within 10 s").isNotNull();
    return change;
  }

  private void awaitPolls(int morePolls) {
    int target = counting.polls.get() + morePolls;
    Eventually.await(
        morePolls + " more polls", Duration.ofSeconds(10), () -> counting.polls.get() >= target);
  }

  /** The real agent, counting completed queries so tests can wait for polls instead of time. */
  private static final class CountingBackend implements DiscoveryBackend {
    final AtomicInteger polls = new AtomicInteger();

    @Override
    public void register(ServiceRegistration registration, CheckStatus initialStatus)
        throws DiscoveryException {
      consul.register(registration, initialStatus);
    }

    @Override
    public void updateTtl(String serviceId, CheckStatus status, String note)
        throws DiscoveryException {
      consul.updateTtl(serviceId, status, note);
    }

    @Override
    public void deregister(String serviceId) throws DiscoveryException {
      consul.deregister(serviceId);
    }

    @Override
    public void setMaintenance(String serviceId, boolean enabled, String reason)
        throws DiscoveryException {
      consul.setMaintenance(serviceId, enabled, reason);
    }

    @Override
    public List<ServiceInstance> passingInstances(String serviceName, @Nullable String tag)
        throws DiscoveryException {
      try {
        return consul.passingInstances(serviceName, tag);
      } finally {
        polls.incrementAndGet();
      }
    }

    @Override
    public void close() {}
  }
}
