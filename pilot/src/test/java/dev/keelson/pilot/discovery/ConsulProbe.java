package dev.keelson.pilot.discovery;

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
 * Reads a test agent's state over its plain HTTP API with the JDK client: independent of the
 * consul-api adapter under test.
 */
final class ConsulProbe {

  /** A catalog entry, as the probe sees it. */
  record Entry(String id, String address, int port, List<String> tags) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;
  private final @Nullable String token;

  ConsulProbe(ConsulAgent agent) {
    this(agent, null);
  }

  ConsulProbe(ConsulAgent agent, @Nullable String token) {
    this.base = "http://" + agent.address();
    this.token = token;
  }

  List<Entry> catalog(String serviceName) {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : get("/v1/catalog/service/" + serviceName)) {
      List<String> tags = new ArrayList<>();
      node.path("ServiceTags").forEach(tag -> tags.add(tag.asText()));
      entries.add(
          new Entry(
              node.path("ServiceID").asText(),
              node.path("ServiceAddress").asText(),
              node.path("ServicePort").asInt(),
              tags));
    }
    return entries;
  }

  /** Status ({@code passing}, {@code critical} …) of check {@code service:<id>}, if present. */
  Optional<String> checkStatus(String serviceName, String serviceId) {
    return check(serviceName, serviceId).map(check -> check.path("Status").asText());
  }

  /** Output (note) of check {@code service:<id>}, if present. */
  Optional<String> checkOutput(String serviceName, String serviceId) {
    return check(serviceName, serviceId).map(check -> check.path("Output").asText());
  }

  /** Name and notes of check {@code service:<id>}, if present, as {@code name|notes}. */
  Optional<String> checkNameAndNotes(String serviceName, String serviceId) {
    return check(serviceName, serviceId)
        .map(check -> check.path("Name").asText() + "|" + check.path("Notes").asText());
  }

  /** Whether any check of the service is critical or in maintenance (so it is not passing). */
  boolean passing(String serviceName, String serviceId) {
    boolean any = false;
    for (JsonNode check : get("/v1/health/checks/" + serviceName)) {
      if (check.path("ServiceID").asText().equals(serviceId)) {
        any = true;
        if (!check.path("Status").asText().equals("passing")) {
          return false;
        }
      }
    }
    return any;
  }

  private Optional<JsonNode> check(String serviceName, String serviceId) {
    for (JsonNode check : get("/v1/health/checks/" + serviceName)) {
      if (check.path("CheckID").asText().equals("service:" + serviceId)) {
        return Optional.of(check);
      }
    }
    return Optional.empty();
  }

  private JsonNode get(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
    if (token != null) {
      request.header("X-Consul-Token", token);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            path + ": HTTP " + response.statusCode() + " " + response.body());
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
