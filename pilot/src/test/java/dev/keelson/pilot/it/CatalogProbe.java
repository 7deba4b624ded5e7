package dev.keelson.pilot.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keelson.testkit.ConsulAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a test agent over its plain HTTP API with the JDK client, independent of the
 * pilot's consul-api adapter: what the catalog says about the pilot's services, and backend
 * instances registered by the test itself.
 */
final class CatalogProbe {

  /** One catalog entry of a service. */
  record Entry(String id, String address, int port) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  CatalogProbe(ConsulAgent agent) {
    this.base = "http://" + agent.address();
  }

  List<Entry> catalog(String serviceName) {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : send("GET", "/v1/catalog/service/" + serviceName, null)) {
      entries.add(
          new Entry(
              node.path("ServiceID").asText(),
              node.path("ServiceAddress").asText(),
              node.path("ServicePort").asInt()));
    }
    return entries;
  }

  /** Status of the TTL check {@code service:<id>}: {@code passing}, {@code critical}, or empty. */
  Optional<String> checkStatus(String serviceName, String serviceId) {
    for (JsonNode check : send("GET", "/v1/health/checks/" + serviceName, null)) {
      if (check.path("CheckID").asText().equals("service:" + serviceId)) {
        return Optional.of(check.path("Status").asText());
      }
    }
    return Optional.empty();
  }

  /**
   * Output (the note) of the TTL check {@code service:<id>} in the agent's own state, or empty. The
   * agent's, not the catalog's: an output change without a status change reaches the catalog only
   * after {@code check_update_interval} (5 min).
   */
  Optional<String> checkOutput(String serviceId) {
    JsonNode check = send("GET", "/v1/agent/checks", null).path("service:" + serviceId);
    return check.isMissingNode() ? Optional.empty() : Optional.of(check.path("Output").asText());
  }

  /** Registers a backend instance without checks (so it is passing). */
  void registerInstance(String name, String id, int port) {
    String body =
        "{\"ID\":\""
            + id
            + "\",\"Name\":\""
            + name
            + "\",\"Address\":\"127.0.0.1\",\"Port\":"
            + port
            + "}";
    send("PUT", "/v1/agent/service/register", body);
  }

  void deregisterInstance(String id) {
    send("PUT", "/v1/agent/service/deregister/" + id, null);
  }

  private JsonNode send(String method, String path, @Nullable String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(5))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(method + " " + path + ": " + response.statusCode());
      }
      String text = response.body();
      return text.isBlank() ? JSON.createArrayNode() : JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
