package dev.keelson.launcher.engine;

import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.SSLConfig;
import java.net.URI;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The TLS setting handed to docker-java's HTTP transport. Given none, the transport builds the
 * JVM's default TLS context up front (every security provider, the trust store: about a tenth of a
 * paunch run that changes nothing), even for a Unix socket, where TLS is never used. For local
 * sockets it gets a context that refuses to be used instead, made without a provider lookup; any
 * other host keeps the configured setting.
 */
final class SocketTls {

  private SocketTls() {}

  static @Nullable SSLConfig forHost(DockerClientConfig config) {
    URI host = config.getDockerHost();
    String scheme = host.getScheme();
    if ("unix".equals(scheme) || "npipe".equals(scheme)) {
      return () -> new NoTls();
    }
    return config.getSSLConfig();
  }

  /** A TLS context for a transport that never speaks TLS; any use is a bug, reported as such. */
  private static final class NoTls extends SSLContext {
    NoTls() {
      super(new Refusing(), null, "none");
    }
  }

  private static final class Refusing extends SSLContextSpi {
    private static IllegalStateException refused() {
      return new IllegalStateException("no TLS over a local engine socket");
    }

    @Override
    protected void engineInit(
        KeyManager @Nullable [] km, TrustManager @Nullable [] tm, @Nullable SecureRandom sr)
        throws KeyManagementException {
      throw refused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }
  }
}
