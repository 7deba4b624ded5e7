package dev.keelson.pilot.telemetry;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The standard {@code process_*} metrics plus a few JVM ones, from {@code java.base} and {@code
 * /proc} only: the runtime image has no {@code java.management}, and the client's
 * instrumentation-jvm artifact is not available. A value that cannot be read is left out of the
 * scrape rather than reported as zero.
 */
final class ProcessMetrics {

  private static final Path PROC_SELF = Path.of("/proc/self");

  private ProcessMetrics() {}

  static void register(PrometheusRegistry registry) {
    ProcessHandle.Info info = ProcessHandle.current().info();
    CounterWithCallback.builder()
        .name("process_cpu_seconds_total")
        .help("Total user and system CPU time spent in seconds.")
        .callback(
            callback ->
                info.totalCpuDuration()
                    .or(() -> ProcessHandle.current().info().totalCpuDuration())
                    .ifPresent(cpu -> callback.call(seconds(cpu))))
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_start_time_seconds")
        .help("Start time of the process since unix epoch in seconds.")
        .callback(
            callback -> info.startInstant().ifPresent(start -> callback.call(epochSeconds(start))))
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_resident_memory_bytes")
        .help("Resident memory size in bytes.")
        .callback(
            callback -> {
              long kilobytes = statusField("VmRSS:");
              if (kilobytes >= 0) {
                callback.call(kilobytes * 1024.0);
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_open_fds")
        .help("Number of open file descriptors.")
        .callback(
            callback -> {
              long open = openFileDescriptors();
              if (open >= 0) {
                callback.call((double) open);
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_threads")
        .help("Number of OS threads in the process.")
        .callback(
            callback -> {
              long threads = statusField("Threads:");
              if (threads >= 0) {
                callback.call((double) threads);
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("jvm_memory_heap_used_bytes")
        .help("Used bytes of the JVM heap.")
        .callback(
            callback -> {
              Runtime runtime = Runtime.getRuntime();
              callback.call((double) (runtime.totalMemory() - runtime.freeMemory()));
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("jvm_memory_heap_max_bytes")
        .help("Maximum bytes of the JVM heap.")
        .callback(callback -> callback.call((double) Runtime.getRuntime().maxMemory()))
        .register(registry);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static double epochSeconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  /** A numeric field of /proc/self/status ({@code VmRSS: 1234 kB} → 1234), or -1. */
  static long statusField(String field) {
    try {
      List<String> lines = Files.readAllLines(PROC_SELF.resolve("status"));
      for (String line : lines) {
        if (line.startsWith(field)) {
          String value = line.substring(field.length()).strip();
          int end = value.indexOf(' ');
          return Long.parseLong(end < 0 ? value : value.substring(0, end));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static long openFileDescriptors() {
    try (Stream<Path> entries = Files.list(PROC_SELF.resolve("fd"))) {
      return entries.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
