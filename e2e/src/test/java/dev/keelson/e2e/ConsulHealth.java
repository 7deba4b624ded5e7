package dev.keelson.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Consul's health endpoint, read over HTTP from the host: the Consul server container's address on
 * its bridge network is reachable from the host, so no port needs publishing.
 */
final class ConsulHealth {

  /** One passing instance of a service as Consul lists it. */
  record Instance(String id, String address, int port, List<String> tags) {
    String endpoint() {
      return address + ":" + port;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  ConsulHealth(String address) {
    this.base = "http://" + address + ":8500";
  }

  /** The instances of {@code service} whose every check passes. */
  List<Instance> passing(String service) {
    JsonNode entries = get("/v1/health/service/" + service + "?passing");
    List<Instance> instances = new ArrayList<>();
    for (JsonNode entry : entries) {
      JsonNode registered = entry.path("Service");
      List<String> tags = new ArrayList<>();
      registered.path("Tags").forEach(tag -> tags.add(tag.asText()));
      instances.add(
          new Instance(
              registered.path("ID").asText(),
              registered.path("Address").asText(),
              registered.path("Port").asInt(),
              List.copyOf(tags)));
    }
    return List.copyOf(instances);
  }

  /** Every service instance registered with the agent, passing or not. */
  List<String> registeredIds() {
    List<String> ids = new ArrayList<>();
    get("/v1/agent/services").fieldNames().forEachRemaining(ids::add);
    return List.copyOf(ids);
  }

  private JsonNode get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + ": HTTP " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
