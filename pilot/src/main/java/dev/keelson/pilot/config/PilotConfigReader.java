package dev.keelson.pilot.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.load.Document;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a parsed ContainerPilot 2.0.1 document into a {@link PilotConfig}. Every problem is
 * collected and reported together; each names the block and field ({@code services[web].poll}) and
 * its line:column. Unknown keys are errors (ContainerPilot 2.1.1+; 2.0.1 ignored them).
 */
public final class PilotConfigReader {

  private static final List<String> DEFAULT_INTERFACES = List.of("eth0:inet");

  private PilotConfigReader() {}

  /**
   * Reads the config and any warnings (e.g. the deprecated {@code onStart}).
   *
   * @throws ConfigException with every problem found, if any is an error
   */
  public static Loaded read(Document document) throws ConfigException {
    Problems problems = new Problems(document.source().name());
    JsonNode root = document.root();
    if (!root.isObject()) {
      problems.error("", "the config must be a JSON object", document.locate(""));
      problems.throwIfErrors();
    }
    ObjectReader top = new ObjectReader(document, root, "", "", problems);
    Optional<ConsulSpec> consul = readConsul(top);
    Optional<EtcdSpec> etcd = readEtcd(top);
    if (consul.isEmpty() && etcd.isEmpty() && !top.has("consul") && !top.has("etcd")) {
      problems.error(
          "", "no discovery backend defined: add \"consul\": \"host:port\"", document.locate(""));
    } else if (top.has("consul") && top.has("etcd")) {
      problems.error(
          "",
          "more than one discovery backend defined: keep either consul or etcd",
          document.locate(""));
    }
    var preStart = readPreStart(top);
    var preStop = top.command("preStop");
    var postStop = top.command("postStop");
    Duration stopTimeout = readStopTimeout(top);
    LoggingSpec logging =
        top.object("logging", "logging")
            .map(PilotConfigReader::readLogging)
            .orElse(LoggingSpec.DEFAULT);
    List<ServiceSpec> services = new ArrayList<>();
    for (ObjectReader service : top.objects("services")) {
      services.add(readService(service));
    }
    List<BackendSpec> backends = new ArrayList<>();
    for (ObjectReader backend : top.objects("backends")) {
      readBackend(backend).ifPresent(backends::add);
    }
    Optional<TelemetrySpec> telemetry =
        top.object("telemetry", "telemetry").map(PilotConfigReader::readTelemetry);
    checkUniqueNames(top, "services", services.stream().map(ServiceSpec::name).toList());
    // ContainerPilot accepts one name twice with different tags: they are different backends
    checkUniqueNames(
        top,
        "backends",
        backends.stream()
            .map(
                backend ->
                    backend.name() + backend.tag().map(tag -> "\" with tag \"" + tag).orElse(""))
            .toList());
    top.rejectUnknownKeys();
    problems.throwIfErrors();
    PilotConfig config =
        new PilotConfig(
            consul,
            etcd,
            preStart,
            preStop,
            postStop,
            stopTimeout,
            logging,
            services,
            backends,
            telemetry);
    return new Loaded(config, problems.warnings());
  }

  /** A config with the warnings found while reading it. */
  public record Loaded(
      PilotConfig config, List<dev.keelson.config.problem.ConfigProblem> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  private static Optional<dev.keelson.config.command.Command> readPreStart(ObjectReader top) {
    if (top.has("onStart") && top.has("preStart")) {
      top.error("onStart", "give either onStart or preStart (its new name), not both");
    }
    if (top.has("onStart")) {
      top.warning("onStart", "is deprecated; use preStart");
      top.raw("preStart");
      return top.command("onStart");
    }
    top.raw("onStart");
    return top.command("preStart");
  }

  private static Duration readStopTimeout(ObjectReader top) {
    Optional<Long> seconds = top.integer("stopTimeout");
    if (seconds.isEmpty() || seconds.get() == 0) {
      return PilotConfig.DEFAULT_STOP_TIMEOUT;
    }
    return seconds.get() < 0 ? Duration.ZERO : Duration.ofSeconds(seconds.get());
  }

  private static Optional<ConsulSpec> readConsul(ObjectReader top) {
    JsonNode value = top.raw("consul");
    if (value == null) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      return parseConsulAddress(top, "consul", value.asText(), Optional.empty());
    }
    if (!value.isObject()) {
      top.error("consul", "must be \"host:port\" or an object {address, scheme, token}");
      return Optional.empty();
    }
    return top.object("consul", "consul").flatMap(PilotConfigReader::readConsulObject);
  }

  private static Optional<ConsulSpec> readConsulObject(ObjectReader consul) {
    String address = consul.requiredString("address");
    Optional<String> scheme = consul.string("scheme");
    Optional<String> token = consul.string("token");
    consul.rejectUnknownKeys();
    if (scheme.isPresent() && !scheme.get().equals("http") && !scheme.get().equals("https")) {
      consul.error("scheme", "must be http or https");
      return Optional.empty();
    }
    Optional<ConsulSpec> parsed = parseConsulAddress(consul, "address", address, token);
    return parsed.map(spec -> new ConsulSpec(spec.address(), scheme.orElse(spec.scheme()), token));
  }

  private static Optional<ConsulSpec> parseConsulAddress(
      ObjectReader reader, String key, String text, Optional<String> token) {
    String scheme = "http";
    String address = text.strip();
    if (address.startsWith("https://")) {
      scheme = "https";
      address = address.substring("https://".length());
    } else if (address.startsWith("http://")) {
      address = address.substring("http://".length());
    }
    if (address.endsWith("/")) {
      address = address.substring(0, address.length() - 1);
    }
    int colon = address.lastIndexOf(':');
    if (address.isEmpty() || colon <= 0 || !address.substring(colon + 1).matches("\\d{1,5}")) {
      reader.error(
          key,
          "must be host:port, optionally starting with http:// or https://, not \"" + text + "\"");
      return Optional.empty();
    }
    return Optional.of(new ConsulSpec(address, scheme, token));
  }

  private static Optional<EtcdSpec> readEtcd(ObjectReader top) {
    Optional<ObjectReader> etcd = top.object("etcd", "etcd");
    if (etcd.isEmpty()) {
      return Optional.empty();
    }
    ObjectReader reader = etcd.get();
    if (!reader.has("endpoints")) {
      reader.error("endpoints", "is required");
    }
    List<String> endpoints = reader.stringList("endpoints", List.of());
    String prefix = reader.string("prefix").orElse("/containerpilot");
    reader.rejectUnknownKeys();
    top.warning(
        "etcd", "etcd discovery is not supported by pilot: services will not be registered");
    return Optional.of(new EtcdSpec(endpoints, prefix));
  }

  private static LoggingSpec readLogging(ObjectReader logging) {
    LoggingSpec.Level level =
        readEnum(logging, "level", LoggingSpec.Level.class, LoggingSpec.Level.INFO);
    LoggingSpec.Format format =
        readEnum(logging, "format", LoggingSpec.Format.class, LoggingSpec.Format.DEFAULT);
    LoggingSpec.Output output =
        readEnum(logging, "output", LoggingSpec.Output.class, LoggingSpec.Output.STDOUT);
    logging.rejectUnknownKeys();
    return new LoggingSpec(level, format, output);
  }

  private static <E extends Enum<E>> E readEnum(
      ObjectReader reader, String key, Class<E> type, E fallback) {
    Optional<String> value = reader.string(key);
    if (value.isEmpty()) {
      return fallback;
    }
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equalsIgnoreCase(value.get().strip())) {
        return candidate;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E candidate : type.getEnumConstants()) {
      allowed.add(candidate.name().toLowerCase(Locale.ROOT));
    }
    reader.error(
        key, "must be one of " + String.join(", ", allowed) + ", not \"" + value.get() + "\"");
    return fallback;
  }

  private static ServiceSpec readService(ObjectReader service) {
    String name = service.requiredString("name");
    int port = service.positive("port", true, 1);
    var health = service.command("health");
    List<String> interfaces = service.stringList("interfaces", DEFAULT_INTERFACES);
    int poll = service.positive("poll", true, 1);
    int ttl = service.positive("ttl", true, 1);
    List<String> tags = service.stringList("tags", List.of());
    var timeout = service.timeout("timeout");
    service.rejectUnknownKeys();
    return new ServiceSpec(name, port, health, interfaces, poll, ttl, tags, timeout);
  }

  private static Optional<BackendSpec> readBackend(ObjectReader backend) {
    String name = backend.requiredString("name");
    int poll = backend.positive("poll", true, 1);
    var onChange = backend.command("onChange");
    if (onChange.isEmpty() && !backend.has("onChange")) {
      backend.error("onChange", "is required");
    } else if (onChange.isEmpty()) {
      backend.error("onChange", "must not be empty");
    }
    Optional<String> tag = backend.string("tag");
    var timeout = backend.timeout("timeout");
    backend.rejectUnknownKeys();
    return onChange.map(command -> new BackendSpec(name, poll, command, tag, timeout));
  }

  private static TelemetrySpec readTelemetry(ObjectReader telemetry) {
    int port = telemetry.positive("port", false, TelemetrySpec.DEFAULT_PORT);
    if (port > 65535) {
      telemetry.error("port", "must be at most 65535");
    }
    List<String> interfaces = telemetry.stringList("interfaces", DEFAULT_INTERFACES);
    List<String> tags = telemetry.stringList("tags", List.of());
    List<SensorSpec> sensors = new ArrayList<>();
    for (ObjectReader sensor : telemetry.objects("sensors")) {
      readSensor(sensor).ifPresent(sensors::add);
    }
    telemetry.rejectUnknownKeys();
    return new TelemetrySpec(port, interfaces, tags, sensors);
  }

  private static Optional<SensorSpec> readSensor(ObjectReader sensor) {
    String name = sensor.requiredString("name");
    String namespace = sensor.string("namespace").orElse("");
    String subsystem = sensor.string("subsystem").orElse("");
    String help = sensor.string("help").orElse("");
    Optional<SensorSpec.SensorType> type = Optional.empty();
    if (!sensor.has("type")) {
      sensor.error("type", "is required");
      sensor.raw("type");
    } else {
      type =
          Optional.of(
              readEnum(sensor, "type", SensorSpec.SensorType.class, SensorSpec.SensorType.GAUGE));
    }
    int poll = sensor.positive("poll", true, 1);
    var check = sensor.command("check");
    if (check.isEmpty()) {
      sensor.error("check", sensor.has("check") ? "must not be empty" : "is required");
    }
    var timeout = sensor.timeout("timeout");
    sensor.rejectUnknownKeys();
    if (type.isEmpty() || check.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SensorSpec(name, namespace, subsystem, help, type.get(), poll, check.get(), timeout));
  }

  private static void checkUniqueNames(ObjectReader top, String key, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!name.isEmpty() && !seen.add(name)) {
        top.error(key, "has two entries named \"" + name + "\"");
      }
    }
  }
}
