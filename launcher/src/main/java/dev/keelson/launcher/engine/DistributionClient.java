package dev.keelson.launcher.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the engine which manifest a registry serves for a tag now ({@code GET
 * /distribution/{name}/json}): the engine contacts the registry but pulls nothing. That is how a
 * dry run with {@code --pull always} tells which tags moved. docker-java has no command for this
 * call, so it goes through docker-java's HTTP transport, with the credentials a pull would send.
 */
final class DistributionClient implements AutoCloseable {

  private final DockerHttpClient http;

  DistributionClient(DockerHttpClient http) {
    this.http = http;
  }

  /**
   * The manifest digest ({@code sha256:...}) the registry serves for {@code reference} (tagged);
   * empty when the engine does not say: the registry refused or does not know the tag, or the
   * engine lacks the call (podman's compatible API answers 404).
   */
  Optional<String> digest(String reference, Optional<AuthConfig> auth) {
    DockerHttpClient.Request.Builder request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            // the engine's route takes the name with its slashes and colons as they are
            .path("/distribution/" + reference + "/json");
    auth.ifPresent(credentials -> request.headers(Map.of("X-Registry-Auth", header(credentials))));
    try (DockerHttpClient.Response response = http.execute(request.build());
        InputStream body = response.getBody()) {
      if (response.getStatusCode() != 200) {
        return Optional.empty();
      }
      JsonNode digest = SharedMapperConfig.MAPPER.readTree(body).path("Descriptor").path("digest");
      return digest.isTextual() ? Optional.of(digest.asText()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Engine API's credential header: the auth config as JSON, base64url-encoded. */
  static String header(AuthConfig auth) {
    try {
      byte[] json = SharedMapperConfig.MAPPER.writeValueAsBytes(auth);
      return Base64.getUrlEncoder().encodeToString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      // closing a connection pool cannot lose data
    }
  }
}
