package dev.keelson.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code paunch} through {@code bin/paunch}, as a user on the host would. */
final class PaunchCli {

  /** What one run printed and how it ended. */
  record Run(List<String> command, int exitCode, String stdout, String stderr) {
    Run requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(
            String.join(" ", command) + " exited " + exitCode + "\n" + stdout + stderr);
      }
      return this;
    }
  }

  private final Path root;

  PaunchCli(Path root) {
    this.root = root;
  }

  Run run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/paunch").toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(root.toFile()).start();
      process.getOutputStream().close();
      CompletableFuture<String> stdout = drain(process.getInputStream());
      CompletableFuture<String> stderr = drain(process.getErrorStream());
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not end within 3 minutes");
      }
      return new Run(command, process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
