package dev.keelson.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.problem.SourceLocation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed config: the tree (mapping order as written) and where each node started in the text.
 *
 * @param locations keyed by JSON Pointer ({@code ""} for the root, {@code /hello/command/0})
 */
public record Document(ConfigSource source, JsonNode root, Map<String, SourceLocation> locations) {

  public Document {
    locations = Map.copyOf(locations);
  }

  /** Where the node at {@code pointer} starts, or its nearest ancestor that has a location. */
  public @Nullable SourceLocation locate(String pointer) {
    String current = pointer;
    while (true) {
      SourceLocation location = locations.get(current);
      if (location != null || current.isEmpty()) {
        return location;
      }
      current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
    }
  }

  /** Appends one key or index to a JSON Pointer, escaping '~' and '/' as RFC 6901 requires. */
  public static String child(String pointer, String keyOrIndex) {
    return pointer + "/" + keyOrIndex.replace("~", "~0").replace("/", "~1");
  }
}
