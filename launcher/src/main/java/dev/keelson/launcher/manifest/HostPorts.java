package dev.keelson.launcher.manifest;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The host ports published by the manifests read so far: one per manifest for {@code apply}, one
 * for all the files of a {@code watch} round, since their containers run side by side and two of
 * them cannot bind one (hostIp, hostPort, protocol).
 */
public final class HostPorts {

  /** Who published a key: the file and the field path of its port. */
  private record Owner(String file, String path) {}

  /** One published host port; "" as the address binds every address. */
  record Key(String hostIp, long hostPort, String protocol) {}

  private final Map<Key, Owner> owners = new HashMap<>();

  /**
   * Records {@code key} as published by the port at {@code path} of {@code file}; returns who
   * published it first, or null when nobody did. Another file's owner is named with its file.
   */
  @Nullable String claim(Key key, String file, String path) {
    Owner first = owners.putIfAbsent(key, new Owner(file, path));
    if (first == null) {
      return null;
    }
    return first.file().equals(file) ? first.path() : first.path() + " of " + first.file();
  }
}
