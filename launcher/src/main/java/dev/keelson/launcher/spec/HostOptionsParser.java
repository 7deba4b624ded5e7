package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates the keys that describe what the host gives a container: namespaces, storage, limits.
 */
final class HostOptionsParser {

  // at most 18 digits: every such number fits the engine's 64-bit limits, as docker's parse wants
  private static final Pattern ULIMIT = Pattern.compile("[a-z]+=-?\\d{1,18}(:-?\\d{1,18})?");
  private static final Pattern EXTRA_HOST = Pattern.compile("[^:\\s]+:\\S+");
  private static final Set<String> VOLUME_OPTIONS =
      Set.of(
          "ro",
          "rw",
          "z",
          "Z",
          "nocopy",
          "shared",
          "slave",
          "private",
          "rshared",
          "rslave",
          "rprivate",
          "delegated",
          "cached",
          "consistent");

  private HostOptionsParser() {}

  static HostOptions host(EntryReader reader) {
    return new HostOptions(
        reader.scalar("net"),
        reader.scalar("ipc"),
        reader.scalar("pid"),
        reader.scalar("uts"),
        reader.scalar("hostname"),
        matching(reader, "extra_hosts", EXTRA_HOST, "host:address"),
        privileged(reader),
        reader.textList("security_opt"),
        capabilities(reader, "cap_add"),
        capabilities(reader, "cap_drop"),
        reader.textList("group_add"),
        volumes(reader),
        reader.textList("volumes_from"));
  }

  private static @Nullable Boolean privileged(EntryReader reader) {
    JsonNode value = reader.value("privileged");
    if (value == null || value.isNull()) {
      return null;
    }
    return reader.flag("privileged", false);
  }

  private static List<String> capabilities(EntryReader reader, String key) {
    List<String> names = reader.textList(key);
    for (String name : names) {
      if (!Capabilities.isKnown(name)) {
        reader.error(
            key, "'" + name + "' is not a Linux capability (e.g. NET_ADMIN, SYS_TIME, ALL)");
      }
    }
    return names;
  }

  private static List<String> volumes(EntryReader reader) {
    List<String> volumes = reader.textList("volumes");
    for (String volume : volumes) {
      String[] parts = volume.split(":", -1);
      String target = parts.length == 1 ? parts[0] : parts[1];
      boolean badOptions =
          parts.length == 3
              && !Arrays.stream(parts[2].split(",")).allMatch(VOLUME_OPTIONS::contains);
      if (parts.length > 3
          || badOptions
          || !target.startsWith("/")
          || (parts.length > 1 && parts[0].isEmpty())) {
        reader.error(
            "volumes",
            "'"
                + volume
                + "' must be /container/path, or source:/container/path[:options] with options from ro, rw, z, Z, nocopy and the propagation modes");
      }
    }
    return volumes;
  }

  private static List<String> matching(
      EntryReader reader, String key, Pattern pattern, String form) {
    List<String> items = reader.textList(key);
    for (String item : items) {
      if (!pattern.matcher(item).matches()) {
        reader.error(key, "'" + item + "' must have the form " + form);
      }
    }
    return items;
  }

  static ResourceOptions resources(EntryReader reader) {
    return new ResourceOptions(
        matching(reader, "ulimit", ULIMIT, "name=soft[:hard], e.g. nofile=1024:2048"),
        reader.integer("cpu_shares", 0, Integer.MAX_VALUE),
        byteSize(reader, "mem_limit"),
        byteSize(reader, "memswap_limit"),
        reader.integer("mem_swappiness", -1, 100),
        reader.scalar("cpuset_cpus"));
  }

  private static @Nullable String byteSize(EntryReader reader, String key) {
    String text = reader.scalar(key);
    if (text != null && ByteSizes.parse(text).isEmpty()) {
      reader.error(
          key, "must be a size like 512m or 2g (or a number of bytes), not '" + text + "'");
      return null;
    }
    return text;
  }
}
