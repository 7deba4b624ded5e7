package dev.keelson.launcher.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * A syslog socket for a test: a unix stream socket, which util-linux's {@code logger} falls back to
 * when a datagram does not connect, one message per line. Keeps everything it was sent.
 */
final class SyslogReceiver implements AutoCloseable {

  private final Path path;
  private final ServerSocketChannel server;
  private final StringBuilder received = new StringBuilder();
  private final Thread reader;
  private volatile @Nullable SocketChannel connection;

  /** Open while the receiver reads; a stalled receiver accepts and reads nothing until resumed. */
  private final CountDownLatch reading;

  SyslogReceiver(Path path) throws IOException {
    this(path, false);
  }

  /** A receiver that accepts logger's connection but reads nothing until {@link #resume()}. */
  static SyslogReceiver stalled(Path path) throws IOException {
    return new SyslogReceiver(path, true);
  }

  private SyslogReceiver(Path path, boolean stalled) throws IOException {
    this.path = path;
    this.reading = new CountDownLatch(stalled ? 1 : 0);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    reader = new Thread(this::accept, "syslog-receiver");
    reader.setDaemon(true);
    reader.start();
  }

  /** Everything received so far. */
  synchronized String text() {
    return received.toString();
  }

  private synchronized void append(String text) {
    received.append(text);
  }

  private void accept() {
    try {
      while (true) {
        try (SocketChannel accepted = server.accept();
            InputStream in = Channels.newInputStream(accepted)) {
          connection = accepted;
          reading.await();
          byte[] buffer = new byte[4096];
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException closed) {
      // the test is over
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A stalled receiver starts reading. */
  void resume() {
    reading.countDown();
  }

  @Override
  public void close() throws IOException {
    server.close();
    SocketChannel open = connection;
    if (open != null) {
      open.close();
    }
    Files.deleteIfExists(path);
  }
}
