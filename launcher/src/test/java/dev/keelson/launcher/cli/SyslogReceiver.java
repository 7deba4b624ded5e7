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

  SyslogReceiver(Path path) throws IOException {
    this.path = path;
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
          byte[] buffer = new byte[4096];
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException closed) {
      // the test is over
    }
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
