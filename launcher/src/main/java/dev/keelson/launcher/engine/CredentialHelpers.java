package dev.keelson.launcher.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Registry credentials from the docker CLI's credential helpers, which docker-java does not
 * consult: {@code credHelpers} (per registry) and {@code credsStore} (for every registry) in the
 * CLI's {@code config.json}. As the CLI does, the helper for a registry is {@code
 * docker-credential-<name>} on {@code PATH}, run as {@code get} with the registry on stdin; it
 * answers {@code {"Username", "Secret"}} as JSON. A registry with a helper takes its credentials
 * from it alone (the CLI does not fall back to {@code auths} for it); one without a helper is left
 * to docker-java's {@code auths} lookup.
 */
final class CredentialHelpers {

  /** The answer of a helper that has nothing for the registry: the CLI then pulls anonymously. */
  private static final String NOT_FOUND = "credentials not found in native keychain";

  /** Long enough for a helper that asks a keychain daemon; a prompt nobody answers ends here. */
  static final Duration HELPER_TIMEOUT = Duration.ofSeconds(60);

  private final @Nullable Path configFile;

  /**
   * @param configDirectory the CLI's config directory ({@code DOCKER_CONFIG}, {@code ~/.docker})
   */
  CredentialHelpers(@Nullable String configDirectory) {
    this.configFile = configDirectory == null ? null : Path.of(configDirectory, "config.json");
  }

  /**
   * The credentials a helper gives for {@code image}'s registry: empty when no helper is configured
   * for it, or when the helper has none (an anonymous pull, as the CLI's).
   *
   * @throws IllegalStateException when the helper cannot be run or fails, naming it
   */
  Optional<AuthConfig> forImage(String image) {
    String registry = ImageReferences.registry(image);
    String helper = helper(registry);
    if (helper == null) {
      return Optional.empty();
    }
    String program = "docker-credential-" + helper;
    String answer;
    String errors;
    int status;
    Process process = null;
    try {
      process = new ProcessBuilder(program, "get").start();
      // The answer is stdout only, as the CLI reads it: helpers print notices on stderr.
      CompletableFuture<byte[]> output = readAll(process.getInputStream());
      CompletableFuture<byte[]> diagnostics = readAll(process.getErrorStream());
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(registry.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(HELPER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "credential helper "
                + program
                + " gave no answer for "
                + registry
                + " within "
                + HELPER_TIMEOUT.toSeconds()
                + " s (is it waiting for a password prompt?)");
      }
      status = process.exitValue();
      answer = new String(output.join(), StandardCharsets.UTF_8).strip();
      errors = new String(diagnostics.join(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run credential helper " + program + " for " + registry + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking " + program, e);
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
    }
    if (status != 0) {
      if (answer.contains(NOT_FOUND)) {
        return Optional.empty();
      }
      throw new IllegalStateException(
          "credential helper "
              + program
              + " failed for "
              + registry
              + ": "
              + (answer.isEmpty() ? errors : answer));
    }
    try {
      JsonNode credentials = SharedMapperConfig.MAPPER.readTree(answer);
      String username = credentials.path("Username").asText("");
      String secret = credentials.path("Secret").asText("");
      AuthConfig auth = new AuthConfig().withRegistryAddress(registry);
      // The CLI's convention: a helper that holds an identity token answers "<token>" as user.
      return Optional.of(
          "<token>".equals(username)
              ? auth.withIdentityToken(secret)
              : auth.withUsername(username).withPassword(secret));
    } catch (IOException e) {
      throw new IllegalStateException(
          "credential helper " + program + " answered no JSON for " + registry, e);
    }
  }

  private static CompletableFuture<byte[]> readAll(InputStream stream) {
    // Read while stdin is written, so that a chatty helper cannot block on a full pipe.
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            return new byte[0];
          }
        });
  }

  /**
   * The helper name for {@code registry}: its {@code credHelpers} entry, else {@code credsStore}.
   */
  private @Nullable String helper(String registry) {
    if (configFile == null) {
      return null;
    }
    JsonNode config;
    try {
      config =
          SharedMapperConfig.MAPPER.readTree(Files.readString(configFile, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + configFile + ": " + e.getMessage(), e);
    }
    if (config == null) {
      return null;
    }
    String perRegistry = config.path("credHelpers").path(registry).asText("");
    if (!perRegistry.isEmpty()) {
      return perRegistry;
    }
    String store = config.path("credsStore").asText("");
    return store.isEmpty() ? null : store;
  }
}
