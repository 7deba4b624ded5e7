package dev.keelson.pilot.wiring;

import dev.keelson.config.command.Command;
import dev.keelson.pilot.config.BackendSpec;
import dev.keelson.pilot.config.ConsulSpec;
import dev.keelson.pilot.config.PilotConfig;
import dev.keelson.pilot.config.SensorSpec;
import dev.keelson.pilot.config.ServiceSpec;
import dev.keelson.pilot.config.TelemetrySpec;
import dev.keelson.pilot.discovery.ConsulAddress;
import dev.keelson.pilot.discovery.ConsulDiscoveryBackend;
import dev.keelson.pilot.discovery.ConsulOptions;
import dev.keelson.pilot.discovery.DiscoveryBackend;
import dev.keelson.pilot.discovery.InvalidConsulAddressException;
import dev.keelson.pilot.discovery.LoggingDiscoveryBackend;
import dev.keelson.pilot.discovery.RegisteredServices;
import dev.keelson.pilot.discovery.ServiceHeartbeat;
import dev.keelson.pilot.discovery.ServiceHeartbeat.HealthResult;
import dev.keelson.pilot.discovery.ServiceRegistrar;
import dev.keelson.pilot.discovery.ServiceRegistration;
import dev.keelson.pilot.event.Actor;
import dev.keelson.pilot.job.ActorFactory;
import dev.keelson.pilot.network.HostInterfaces;
import dev.keelson.pilot.network.InterfaceSpecException;
import dev.keelson.pilot.network.InterfaceSpecs;
import dev.keelson.pilot.network.IpLiterals;
import dev.keelson.pilot.network.NetworkAddress;
import dev.keelson.pilot.process.ProcessLauncher;
import dev.keelson.pilot.process.SpawnException;
import dev.keelson.pilot.telemetry.Sensor;
import dev.keelson.pilot.telemetry.SensorDefinition;
import dev.keelson.pilot.telemetry.SensorPoller;
import dev.keelson.pilot.telemetry.SensorType;
import dev.keelson.pilot.telemetry.Telemetry;
import dev.keelson.pilot.telemetry.TelemetryException;
import dev.keelson.pilot.telemetry.TelemetryServer;
import dev.keelson.pilot.telemetry.TelemetryService;
import dev.keelson.pilot.watch.BackendChange;
import dev.keelson.pilot.watch.BackendPoller;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pilot's real actor factory: per config, a {@link DiscoveryActor} (services, telemetry
 * registration, backends) and a {@link TelemetryActor}. Remembers what the previous config
 * registered, and where, so that a reload deregisters the services it drops: at the same agent only
 * those, and all of them when the new config registers nothing there (see {@link
 * ReloadDeregistrations}).
 */
public final class PilotActors implements ActorFactory {

  private static final Logger log = LoggerFactory.getLogger(PilotActors.class);

  private final Map<String, String> environment;
  private final Supplier<List<NetworkAddress>> interfaces;
  private final String hostname;
  private final OutputStream stdout;
  // what the previous config registered, and at which agent: a reload deregisters what it drops
  private List<ServiceRegistration> registeredBefore = List.of();
  private @Nullable ConsulSpec registeredAt;
  private final BackendStates backendStates = new BackendStates();

  /**
   * @param environment the pilot's environment ({@code CONSUL_HTTP_TOKEN}, {@code CONSUL_CACERT})
   * @param interfaces the host's addresses, read on every create (a reload sees new interfaces)
   * @param hostname the suffix of every service id
   */
  public PilotActors(
      Map<String, String> environment, Supplier<List<NetworkAddress>> interfaces, String hostname) {
    this(environment, interfaces, hostname, System.out);
  }

  /**
   * @param stdout the pilot's stdout, where health checks' output is copied to
   */
  public PilotActors(
      Map<String, String> environment,
      Supplier<List<NetworkAddress>> interfaces,
      String hostname,
      OutputStream stdout) {
    this.environment = Map.copyOf(environment);
    this.interfaces = interfaces;
    this.hostname = hostname;
    this.stdout = stdout;
  }

  /** For {@code cli.Main}: the real interfaces, host name and stdout. */
  public static PilotActors forHost(Map<String, String> environment) {
    return new PilotActors(environment, new HostAddresses(), Hostname.current(), System.out);
  }

  /**
   * Resolves everything {@link #create} would resolve, without binding or connecting: for the
   * config check at start, so a bad {@code interfaces} fails before the app runs, and at reload, so
   * it fails before the running config is stopped.
   *
   * @throws WiringException naming the service (or telemetry) and the key
   */
  @Override
  public void check(PilotConfig config) {
    // first: a config with backends only still connects to Consul
    config.consul().ifPresent(PilotActors::consulAddress);
    if (config.services().isEmpty() && config.telemetry().isEmpty()) {
      return;
    }
    List<NetworkAddress> addresses = interfaces.get();
    for (ServiceSpec service : config.services()) {
      resolve("service " + service.name(), service.interfaces(), addresses);
    }
    config.telemetry().ifPresent(t -> resolve("telemetry", t.interfaces(), addresses));
    if (config.telemetry().isPresent() && !config.telemetry().get().sensors().isEmpty()) {
      // ContainerPilot 2.0.1 fails at start on a metric name its registry refuses; registering
      // into a registry of our own finds the same invalid names and collisions (also with the
      // process metrics) without touching the running one
      Telemetry scratch = new Telemetry();
      for (SensorSpec spec : config.telemetry().get().sensors()) {
        register(scratch, spec);
      }
    }
  }

  @Override
  public synchronized List<Actor> create(PilotConfig config, ProcessLauncher processes) {
    if (config.consul().isEmpty()
        && (!config.services().isEmpty() || !config.backends().isEmpty())) {
      log.warn("etcd is not supported: services are not registered and backends not watched");
    }
    CommandRunner runner = new CommandRunner(processes, stdout);
    List<NetworkAddress> addresses =
        config.services().isEmpty() && config.telemetry().isEmpty() ? List.of() : interfaces.get();
    List<Actor> actors = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    for (ServiceSpec spec : config.services()) {
      services.add(service(spec, resolve("service " + spec.name(), spec.interfaces(), addresses)));
    }
    TelemetryActor telemetry = null;
    if (config.telemetry().isPresent()) {
      try {
        telemetry = telemetry(config.telemetry().get(), addresses, runner, services);
        actors.add(telemetry);
      } catch (WiringException e) {
        // a taken port must not also cost the services their registration
        log.error("{}; telemetry is off until the next reload", e.getMessage());
      }
    }
    // a config with hooks only needs no Consul client (and its start-up cost)
    Optional<ConsulSpec> agent =
        config.consul().filter(consul -> !services.isEmpty() || !config.backends().isEmpty());
    List<ServiceRegistration> registrations =
        agent.isEmpty() ? List.of() : services.stream().map(Service::registration).toList();
    @Nullable ConsulSpec before = registeredAt;
    boolean sameAgent = before != null && agent.isPresent() && sameAgent(before, agent.get());
    ReloadDeregistrations drop =
        ReloadDeregistrations.between(registeredBefore, sameAgent, registrations);
    try {
      if (agent.isPresent()) {
        actors.add(discovery(agent.get(), services, config.backends(), runner, drop.byNewConfig()));
      }
      if (before != null && !drop.atOldAgent().isEmpty()) {
        // nothing of the new config talks to that agent: an actor of its own deregisters there
        actors.add(
            new DiscoveryActor(
                connect(before),
                new RegisteredServices(List.of()),
                List.of(),
                List.of(),
                drop.atOldAgent()));
      }
    } catch (WiringException e) {
      backendStates.abandon();
      actors.forEach(Actor::stop);
      throw e;
    }
    backendStates.commit();
    registeredBefore = registrations;
    registeredAt = agent.orElse(null);
    return List.copyOf(actors);
  }

  /** The same agent: same scheme, host and port (a changed token still reaches it). */
  private static boolean sameAgent(ConsulSpec one, ConsulSpec other) {
    return consulAddress(one).url().equals(consulAddress(other).url());
  }

  /** Starts listening and adds the endpoint's registration to {@code services}. */
  private TelemetryActor telemetry(
      TelemetrySpec spec,
      List<NetworkAddress> addresses,
      CommandRunner runner,
      List<Service> services) {
    String address = resolve("telemetry", spec.interfaces(), addresses);
    Telemetry metrics = new Telemetry();
    Map<SensorPoller, Duration> pollers = sensors(metrics, spec.sensors(), runner);
    TelemetryServer server = serve(metrics, address, spec.port());
    services.add(
        new Service(
            TelemetryService.registration(
                hostname, address, server.boundTo().getPort(), spec.tags()),
            TelemetryService.POLL,
            Optional.empty()));
    return new TelemetryActor(server, pollers);
  }

  /** One service to register, with what its heartbeat needs. */
  private record Service(
      ServiceRegistration registration, Duration poll, Optional<HealthCheckSpec> health) {}

  private record HealthCheckSpec(Command command, Optional<Duration> timeout) {}

  private Service service(ServiceSpec spec, String address) {
    ServiceRegistration registration =
        new ServiceRegistration(
            ServiceRegistration.idFor(spec.name(), hostname),
            spec.name(),
            address,
            spec.port(),
            spec.tags(),
            Duration.ofSeconds(spec.ttl()));
    return new Service(
        registration,
        Duration.ofSeconds(spec.poll()),
        spec.health().map(command -> new HealthCheckSpec(command, spec.timeout())));
  }

  private DiscoveryActor discovery(
      ConsulSpec consul,
      List<Service> services,
      List<BackendSpec> backends,
      CommandRunner runner,
      List<String> stale) {
    DiscoveryBackend backend = connect(consul);
    List<ServiceRegistrar> registrars = new ArrayList<>();
    List<ServiceHeartbeat> heartbeats = new ArrayList<>();
    for (Service service : services) {
      ServiceRegistrar registrar =
          ServiceRegistrar.forPoll(backend, service.registration(), service.poll());
      registrars.add(registrar);
      heartbeats.add(
          new ServiceHeartbeat(
              registrar,
              service.poll(),
              service.health().isEmpty()
                  ? null
                  : healthCheck(service.registration().name(), service.health().get(), runner)));
    }
    List<BackendPoller> pollers = new ArrayList<>();
    for (BackendSpec spec : backends) {
      pollers.add(
          new BackendPoller(
              backend,
              spec.name(),
              spec.tag().orElse(null),
              Duration.ofSeconds(spec.poll()),
              change -> onChange(spec, change, runner),
              backendStates.detectorFor(
                  new BackendStates.Key(spec.name(), spec.tag(), consulAddress(consul).url()))));
    }
    return new DiscoveryActor(
        backend, new RegisteredServices(registrars), heartbeats, pollers, stale);
  }

  private static ServiceHeartbeat.HealthCheck healthCheck(
      String serviceName, HealthCheckSpec health, CommandRunner runner) {
    return () -> {
      CommandRunner.Outcome outcome;
      try {
        outcome =
            runner.run(
                "health:" + serviceName,
                health.command(),
                CommandRunner.Output.CAPTURE_AND_PASS_THROUGH,
                health.timeout());
      } catch (SpawnException e) {
        return HealthResult.failed(String.valueOf(e.getMessage()));
      }
      if (outcome.timedOut()) {
        return HealthResult.failed(
            "health check timed out after " + health.timeout().orElseThrow() + " and was killed");
      }
      if (outcome.success()) {
        return outcome.output().isEmpty()
            ? HealthResult.passed()
            : new HealthResult(true, outcome.output());
      }
      return HealthResult.failed(
          outcome.output().isEmpty()
              ? "health check " + outcome.status().describe()
              : outcome.output());
    };
  }

  /** Runs on the backend's poller thread, which waits for it: never two at once per backend. */
  private static void onChange(BackendSpec spec, BackendChange change, CommandRunner runner) {
    log.info("backend {} changed: now {}", spec.name(), change.current());
    try {
      CommandRunner.Outcome outcome =
          runner.run(
              "onChange:" + spec.name(),
              spec.onChange(),
              CommandRunner.Output.PASS_THROUGH,
              spec.timeout());
      if (!outcome.success()) {
        log.warn(
            "onChange of backend {} failed: {}",
            spec.name(),
            outcome.timedOut() ? "timed out and was killed" : outcome.status().describe());
      }
    } catch (SpawnException e) {
      log.error("onChange of backend {}: {}", spec.name(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<SensorPoller, Duration> sensors(
      Telemetry metrics, List<SensorSpec> specs, CommandRunner runner) {
    Map<SensorPoller, Duration> pollers = new LinkedHashMap<>();
    for (SensorSpec spec : specs) {
      Sensor sensor = register(metrics, spec);
      Duration poll = Duration.ofSeconds(spec.poll());
      String name = "sensor:" + sensor.definition().metricName();
      pollers.put(
          new SensorPoller(
              sensor,
              poll,
              () -> {
                CommandRunner.Outcome outcome =
                    runner.run(name, spec.check(), CommandRunner.Output.CAPTURE, spec.timeout());
                if (!outcome.success()) {
                  throw new IllegalStateException(
                      outcome.timedOut()
                          ? "timed out and was killed"
                          : outcome.status().describe());
                }
                return outcome.output();
              }),
          poll);
    }
    return pollers;
  }

  private static Sensor register(Telemetry metrics, SensorSpec spec) {
    try {
      return metrics.register(
          new SensorDefinition(
              spec.namespace(),
              spec.subsystem(),
              spec.name(),
              spec.help(),
              SensorType.valueOf(spec.type().name())));
    } catch (TelemetryException e) {
      throw new WiringException("telemetry: " + e.getMessage(), e);
    }
  }

  private static TelemetryServer serve(Telemetry metrics, String address, int port) {
    try {
      return metrics.serve(IpLiterals.parse(address), port);
    } catch (IOException e) {
      throw new WiringException(
          "telemetry: cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private DiscoveryBackend connect(ConsulSpec consul) {
    ConsulOptions options = ConsulOptions.fromEnvironment(consulAddress(consul), environment);
    try {
      return new LoggingDiscoveryBackend(ConsulDiscoveryBackend.connect(options));
    } catch (IOException | GeneralSecurityException e) {
      throw new WiringException(
          "consul: cannot use CA file " + options.caFile() + ": " + e.getMessage(), e);
    }
  }

  private static ConsulAddress consulAddress(ConsulSpec consul) {
    try {
      return ConsulAddress.fromObject(
          consul.address(), consul.scheme(), consul.token().orElse(null));
    } catch (InvalidConsulAddressException e) {
      throw new WiringException(String.valueOf(e.getMessage()), e);
    }
  }

  private static String resolve(String owner, List<String> specs, List<NetworkAddress> addresses) {
    try {
      return InterfaceSpecs.resolveTexts(specs, addresses);
    } catch (InterfaceSpecException e) {
      throw new WiringException(owner + ": interfaces: " + e.getMessage(), e);
    }
  }

  /**
   * The host's interfaces; a class, not a method reference: it is built on the app's start path.
   */
  private static final class HostAddresses implements Supplier<List<NetworkAddress>> {
    @Override
    public List<NetworkAddress> get() {
      try {
        return HostInterfaces.addresses();
      } catch (SocketException e) {
        throw new WiringException("cannot list the network interfaces: " + e.getMessage(), e);
      }
    }
  }
}
