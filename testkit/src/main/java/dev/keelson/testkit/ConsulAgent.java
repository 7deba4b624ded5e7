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
import org.jspecify.annotations.Nullable;

/**
 * A real Consul dev agent on loopback, on free ports, owned by one test class: started by {@link
 * #start()} (or {@link #builder()} for HTTPS and ACLs), stopped (SIGTERM to its pid, then SIGKILL)
 * by {@link #close()}. {@link #kill()} and {@link #restart()} simulate an agent crash and recovery
 * on the same ports (a dev agent keeps nothing across restarts). The binary comes from {@code
 * CONSUL_BIN}, else from the cache scripts/provision-consul.sh fills.
 */
public final class ConsulAgent implements AutoCloseable {

  /**
   * PEM files for an HTTPS agent, made by {@link #createTlsFiles}: a fresh self-signed CA and a
   * server certificate it signed, valid for {@code localhost} and {@code 127.0.0.1}.
   */
  public record TlsFiles(Path caFile, Path certFile, Path keyFile) {}

  private final List<String> command;
  private final int httpPort;
  private final int httpsPort;
  private final Path logFile;
  private volatile Process process;

  private ConsulAgent(List<String> command, int httpPort, int httpsPort, Path logFile)
      throws IOException {
    this.command = List.copyOf(command);
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.logFile = logFile;
    this.process = launch();
  }

  /** Starts a plain HTTP agent and returns once it has elected itself leader. */
  public static ConsulAgent start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options for an agent; {@link #start()} launches it. */
  public static final class Builder {
    private @Nullable TlsFiles tls;
    private @Nullable String aclMasterToken;

    private Builder() {}

    /** Also serve HTTPS (on {@link ConsulAgent#httpsPort()}) with these files. */
    public Builder https(TlsFiles files) {
      this.tls = files;
      return this;
    }

    /** Enable ACLs, deny by default, with this master token. */
    public Builder aclMasterToken(String token) {
      this.aclMasterToken = token;
      return this;
    }

    /** Starts the agent and returns once it has elected itself leader. */
    public ConsulAgent start() {
      Path binary = binary();
      List<Integer> ports = freePorts(7);
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
        int httpsPort = -1;
        StringBuilder hcl = new StringBuilder();
        if (tls != null) {
          httpsPort = ports.get(6);
          hcl.append("ports { https = ").append(httpsPort).append(" }\n");
          hcl.append("ca_file = \"").append(tls.caFile()).append("\"\n");
          hcl.append("cert_file = \"").append(tls.certFile()).append("\"\n");
          hcl.append("key_file = \"").append(tls.keyFile()).append("\"\n");
          hcl.append("verify_incoming = false\n");
        }
        if (aclMasterToken != null) {
          hcl.append("acl { enabled = true\n default_policy = \"deny\"\n")
              .append(" tokens { master = \"")
              .append(aclMasterToken)
              .append("\"\n agent = \"")
              .append(aclMasterToken)
              .append("\" } }\n");
        }
        if (hcl.length() > 0) {
          Path configFile = Files.createTempFile("consul-agent-", ".hcl");
          Files.writeString(configFile, hcl);
          command.add("-config-file=" + configFile);
        }
        ConsulAgent agent = new ConsulAgent(command, ports.get(0), httpsPort, logFile);
        agent.awaitLeader();
        return agent;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + binary, e);
      }
    }
  }

  /**
   * Creates a CA and a server certificate for 127.0.0.1 in {@code directory} with consul's own
   * tool.
   */
  public static TlsFiles createTlsFiles(Path directory) {
    Path binary = binary();
    runIn(directory, binary.toString(), "tls", "ca", "create");
    runIn(directory, binary.toString(), "tls", "cert", "create", "-server");
    return new TlsFiles(
        directory.resolve("consul-agent-ca.pem"),
        directory.resolve("dc1-server-consul-0.pem"),
        directory.resolve("dc1-server-consul-0-key.pem"));
  }

  private static void runIn(Path directory, String... command) {
    try {
      Process tool =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!tool.waitFor(30, TimeUnit.SECONDS) || tool.exitValue() != 0) {
        tool.destroyForcibly();
        throw new IllegalStateException("failed: " + String.join(" ", command));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Process launch() throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
  }

  /**
   * Kills the agent at once (SIGKILL), as a crash would; the ports stay reserved for {@link
   * #restart()}.
   */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts the agent again on the same ports (killing it first if still running) and returns once
   * it is leader. A dev agent starts empty: every registration is gone.
   */
  public void restart() {
    if (process.isAlive()) {
      kill();
    }
    try {
      process = launch();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restart consul", e);
    }
    awaitLeader();
  }

  /** The HTTPS port, when started with {@link Builder#https}. */
  public int httpsPort() {
    if (httpsPort < 0) {
      throw new IllegalStateException("this agent was started without https");
    }
    return httpsPort;
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
