package dev.keelson.pilot.telemetry;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.net.InetSocketAddress;

/** A running {@code /metrics} endpoint; closing it frees the port. */
public final class TelemetryServer implements AutoCloseable {

  private final HTTPServer server;
  private final InetSocketAddress boundTo;

  TelemetryServer(HTTPServer server, InetSocketAddress boundTo) {
    this.server = server;
    this.boundTo = boundTo;
  }

  /** The address and (actual) port it listens on. */
  public InetSocketAddress boundTo() {
    return boundTo;
  }

  @Override
  public void close() {
    server.close();
  }
}
