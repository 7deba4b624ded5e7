package dev.keelson.pilot.wiring;

import dev.keelson.pilot.event.Actor;
import dev.keelson.pilot.event.Event;
import dev.keelson.pilot.event.EventBus;
import dev.keelson.pilot.event.EventCode;
import dev.keelson.pilot.telemetry.SensorPoller;
import dev.keelson.pilot.telemetry.TelemetryServer;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /metrics} endpoint and the sensors feeding it. The server is already listening when
 * this is built (so its port can be advertised); sensors start polling on {@link #start} and freeze
 * during maintenance, as in ContainerPilot. Its Consul registration lives in {@link
 * DiscoveryActor}, with the other services.
 */
final class TelemetryActor implements Actor {

  private final TelemetryServer server;
  // each poller with its poll interval: ContainerPilot's first reading comes one poll after start
  private final Map<SensorPoller, Duration> pollers;
  private @Nullable BusListener listener;

  TelemetryActor(TelemetryServer server, Map<SensorPoller, Duration> pollers) {
    this.server = server;
    this.pollers = Map.copyOf(pollers);
  }

  @Override
  public String name() {
    return "telemetry";
  }

  @Override
  public synchronized void startsInMaintenance() {
    pollers.keySet().forEach(SensorPoller::pause);
  }

  @Override
  public synchronized void start(EventBus bus) {
    pollers.forEach(SensorPoller::start);
    listener = BusListener.start(bus, name(), () -> {}, this::onEvent);
  }

  private void onEvent(Event event) {
    if (event.code() == EventCode.ENTER_MAINTENANCE) {
      pollers.keySet().forEach(SensorPoller::pause);
    } else if (event.code() == EventCode.EXIT_MAINTENANCE) {
      pollers.keySet().forEach(SensorPoller::resume);
    }
  }

  @Override
  public synchronized void stop() {
    BusListener running = listener;
    if (running != null) {
      running.close();
      listener = null;
    }
    pollers.keySet().forEach(SensorPoller::close);
    server.close();
  }
}
