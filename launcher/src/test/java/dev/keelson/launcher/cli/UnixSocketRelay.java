package dev.keelson.launcher.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The local engine's unix socket served on a loopback TCP port, byte for byte, so a test reaches
 * the real engine the way a host with {@code DOCKER_HOST=tcp://...} does (dockerd itself only
 * listens on its socket here, and an engine that already runs is never restarted).
 */
final class UnixSocketRelay implements AutoCloseable {

  private final Path socket;
  private final ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

  UnixSocketRelay(Path socket) throws IOException {
    this.socket = socket;
    server =
        ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    daemon("relay-accept", this::acceptAll);
  }

  /** The address to give paunch as {@code DOCKER_HOST}. */
  String address() throws IOException {
    InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
    return "tcp://" + bound.getAddress().getHostAddress() + ":" + bound.getPort();
  }

  private void acceptAll() {
    try {
      while (true) {
        SocketChannel client = server.accept();
        SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
        open.add(client);
        open.add(engine);
        engine.connect(UnixDomainSocketAddress.of(socket));
        daemon("relay-up", () -> pump(client, engine));
        daemon("relay-down", () -> pump(engine, client));
      }
    } catch (IOException closed) {
      // close() closed the listening channel: no more connections to relay
    }
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // one side went away (or close() ran): the other has nothing more to get
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing is all that was wanted
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(UnixSocketRelay::closeQuietly);
  }
}
