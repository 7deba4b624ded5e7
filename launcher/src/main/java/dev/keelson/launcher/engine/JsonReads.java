package dev.keelson.launcher.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.keelson.launcher.observe.ObservedContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The engine reads a run that changes nothing is made of, sent through docker-java's HTTP transport
 * and read as JSON trees, keeping only the fields paunch uses.
 *
 * <p>Why not docker-java's commands: their answers are bound to its model classes, and building
 * Jackson's deserialisers for those (a container has some forty fields, nested) took about 150 ms
 * of a re-apply that must stay under half a second, on the critical path (docs/benchmarks.md). Also
 * {@code GET /distribution/{name}/json}, for which docker-java has no command: which manifest a
 * registry serves for a tag, asked without pulling. Failures are docker-java's exceptions, with its
 * message form ({@code Status 404: {"message":...}}), so {@link EngineCalls} reports them as it
 * reports docker-java's own.
 */
final class JsonReads {

  /** What {@code GET /images/{name}/json} says of an image that paunch uses. */
  record ImageFacts(String id, Set<String> manifestDigests) {}

  private final DockerHttpClient http;

  JsonReads(DockerHttpClient http) {
    this.http = http;
  }

  /** Every container, as {@code GET /containers/json?all=1} lists them (newest first). */
  List<ObservedContainer> listContainers() {
    return containers(get("/containers/json?all=1", Map.of()));
  }

  /** The image, or empty when the engine has none by that name or id. */
  Optional<ImageFacts> image(String reference) {
    try {
      return Optional.of(imageFacts(get("/images/" + escaped(reference) + "/json", Map.of())));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The manifest digest ({@code sha256:...}) the registry serves for {@code reference} (tagged);
   * empty when the engine does not say: the registry refused or does not know the tag, or the
   * engine lacks the call (podman's compatible API answers 404).
   */
  Optional<String> distributionDigest(String reference, Optional<AuthConfig> auth) {
    Map<String, String> headers =
        auth.map(credentials -> Map.of("X-Registry-Auth", header(credentials))).orElse(Map.of());
    try {
      JsonNode digest =
          get("/distribution/" + escaped(reference) + "/json", headers)
              .path("Descriptor")
              .path("digest");
      return digest.isTextual() ? Optional.of(digest.asText()) : Optional.empty();
    } catch (DockerException e) {
      return Optional.empty();
    }
  }

  /** The containers of a {@code GET /containers/json} answer. */
  static List<ObservedContainer> containers(JsonNode listed) {
    List<ObservedContainer> containers = new ArrayList<>();
    for (JsonNode container : listed) {
      String id = container.path("Id").asText();
      JsonNode names = container.path("Names");
      String name = names.isArray() && names.size() > 0 ? names.get(0).asText() : id;
      Map<String, String> labels = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> label : container.path("Labels").properties()) {
        labels.put(label.getKey(), label.getValue().asText());
      }
      containers.add(
          new ObservedContainer(
              id,
              withoutSlash(name),
              container.path("State").asText("null"),
              container.path("Image").asText("null"),
              labels,
              null,
              text(container.path("ImageID"))));
    }
    return containers;
  }

  /**
   * The id and the manifest digests ({@code RepoDigests} without their repositories) of an image.
   */
  static ImageFacts imageFacts(JsonNode image) {
    Set<String> digests = new TreeSet<>();
    for (JsonNode repoDigest : image.path("RepoDigests")) {
      String text = repoDigest.asText();
      digests.add(text.substring(text.indexOf('@') + 1));
    }
    return new ImageFacts(image.path("Id").asText(), digests);
  }

  /**
   * {@code reference} as a path: the characters an image reference or id is made of ({@code
   * host:5000/repo/name:tag@sha256:hex}) as they are, since the engine's routes take the name with
   * its slashes; anything else percent-encoded, so that a malformed reference reaches the engine,
   * which says what is wrong with it, rather than cutting the path short ({@code ?}, {@code #}).
   */
  static String escaped(String reference) {
    StringBuilder path = new StringBuilder();
    for (byte b : reference.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~:@/".indexOf(c) >= 0) {
        path.append(c);
      } else {
        path.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return path.toString();
  }

  /** A container's name as the engine gives it, {@code /web}, without the slash. */
  static String withoutSlash(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private static @Nullable String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  /** The answer's JSON; a status other than 200 is docker-java's exception for it. */
  private JsonNode get(String path, Map<String, String> headers) {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path(path)
            .headers(headers)
            .build();
    try (DockerHttpClient.Response response = http.execute(request);
        InputStream body = response.getBody()) {
      int status = response.getStatusCode();
      if (status == 200) {
        return SharedMapperConfig.MAPPER.readTree(body);
      }
      String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
      String message = "Status " + status + ": " + text;
      throw status == 404 ? new NotFoundException(message) : new DockerException(message, status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Engine API's credential header: the auth config as JSON, base64url-encoded. */
  static String header(AuthConfig auth) {
    try {
      return Base64.getUrlEncoder()
          .encodeToString(SharedMapperConfig.MAPPER.writeValueAsBytes(auth));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
