package dev.keelson.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Consul dev agent on loopback, on free ports, owned by one test class: started by {@link
 * #start()}, stopped (SIGTERM to its pid, then SIGKILL) by {@link #close()}. The binary comes from
 * {@code CONSUL_BIN}, else from the cache scripts/provision-consul.sh fills.
 */
public final class ConsulAgent implements AutoCloseable {

  private final Process process;
  private final int httpPort;
  private final Path logFile;

  private ConsulAgent(Process process, int httpPort, Path logFile) {
    this.process = process;
    this.httpPort = httpPort;
    this.logFile = logFile;
  }

  /** Starts an agent and returns once it has elected itself leader. */
  public static ConsulAgent start() {
    Path binary = binary();
    List<Integer> ports = freePorts(6);
    try {
      Path logFile = Files.createTempFile("consul-agent-", ".log");
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.addAll(
          List.of(
              "agent",
              "-dev",
              "-node=keelson-test",
              "-bind=127.0.0.1",
              "-client=127.0.0.1",
              "-advertise=127.0.0.1",
              "-log-level=warn"));
      command.add("-http-port=" + ports.get(0));
      command.add("-dns-port=" + ports.get(1));
      command.add("-server-port=" + ports.get(2));
      command.add("-serf-lan-port=" + ports.get(3));
      command.add("-serf-wan-port=" + ports.get(4));
      command.add("-grpc-port=" + ports.get(5));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .start();
      ConsulAgent agent = new ConsulAgent(process, ports.get(0), logFile);
      agent.awaitLeader();
      return agent;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
  }

  public String host() {
    return "127.0.0.1";
  }

  public int httpPort() {
    return httpPort;
  }

  /** {@code 127.0.0.1:<port>}, the form ContainerPilot's {@code consul} key takes. */
  public String address() {
    return host() + ":" + httpPort;
  }

  public long pid() {
    return process.pid();
  }

  private void awaitLeader() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest leader =
        HttpRequest.newBuilder(URI.create("http://" + address() + "/v1/status/leader"))
            .timeout(Duration.ofSeconds(1))
            .build();
    try {
      Eventually.await(
          "consul agent (pid " + pid() + ") to elect a leader",
          Duration.ofSeconds(30),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("consul exited: " + readLog());
            }
            try {
              return http.send(leader, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
          },
          body -> body.contains(":"));
    } catch (AssertionError e) {
      close();
      throw e;
    }
  }

  private String readLog() {
    try {
      return Files.readString(logFile);
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(logFile);
    } catch (IOException ignored) {
      // a leftover temp log is harmless
    }
  }

  /** The consul binary: {@code CONSUL_BIN}, else scripts/provision-consul.sh's cache. */
  public static Path binary() {
    String fromEnv = System.getenv("CONSUL_BIN");
    Path binary =
        fromEnv != null && !fromEnv.isBlank()
            ? Path.of(fromEnv)
            : Path.of(System.getProperty("keelson.root", "."), ".cache/consul/root/usr/bin/consul");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "no consul binary at " + binary + "; run scripts/provision-consul.sh or set CONSUL_BIN");
    }
    return binary;
  }

  private static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports.add(socket.getLocalPort());
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a probe socket cannot matter
        }
      }
    }
  }
}
