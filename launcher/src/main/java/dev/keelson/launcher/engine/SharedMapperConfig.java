package dev.keelson.launcher.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.net.URI;

/**
 * A docker-java client config that gives every client in this process one object mapper.
 *
 * <p>docker-java's default {@link DockerClientConfig#getObjectMapper()} returns a fresh copy of its
 * mapper for each client, and a copy starts without deserialisers: building the one for an engine
 * answer (a container list, an image inspection) costs tens of milliseconds of reflection the first
 * time, in every client. With one mapper, what {@link ClientWarmUp} builds ahead, or what the first
 * client builds, serves every later call.
 */
final class SharedMapperConfig implements DockerClientConfig {

  /** docker-java's mapper, copied once; Jackson mappers are safe to share between threads. */
  static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper();

  private final DockerClientConfig delegate;

  SharedMapperConfig(DockerClientConfig delegate) {
    this.delegate = delegate;
  }

  @Override
  public ObjectMapper getObjectMapper() {
    return MAPPER;
  }

  @Override
  public URI getDockerHost() {
    return delegate.getDockerHost();
  }

  @Override
  public RemoteApiVersion getApiVersion() {
    return delegate.getApiVersion();
  }

  @Override
  public String getRegistryUsername() {
    return delegate.getRegistryUsername();
  }

  @Override
  public String getRegistryPassword() {
    return delegate.getRegistryPassword();
  }

  @Override
  public String getRegistryEmail() {
    return delegate.getRegistryEmail();
  }

  @Override
  public String getRegistryUrl() {
    return delegate.getRegistryUrl();
  }

  @Override
  public AuthConfig effectiveAuthConfig(String imageName) {
    return delegate.effectiveAuthConfig(imageName);
  }

  @Override
  public AuthConfigurations getAuthConfigurations() {
    return delegate.getAuthConfigurations();
  }

  // docker-java deprecated SSLConfig but its config interface still requires it
  @SuppressWarnings("deprecation")
  @Override
  public SSLConfig getSSLConfig() {
    return delegate.getSSLConfig();
  }
}
