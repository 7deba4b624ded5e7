package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The entry {@code paunch debug} works on: the file's entry with the flags merged in the way paunch
 * merges them (existing keys keep their place, new keys are appended; {@code --overrides} last).
 */
public final class DebugEntry {

  private DebugEntry() {}

  public static ObjectNode adjust(
      JsonNode entry,
      boolean interactive,
      boolean shell,
      String user,
      @Nullable JsonNode overrides) {
    ObjectNode adjusted =
        entry.isObject() ? ((ObjectNode) entry).deepCopy() : JsonNodeFactory.instance.objectNode();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (interactive || shell) {
      adjusted.set("interactive", nodes.booleanNode(true));
      adjusted.set("tty", nodes.booleanNode(true));
      adjusted.set("restart", nodes.textNode("no"));
      adjusted.set("detach", nodes.booleanNode(false));
      adjusted.set("remove", nodes.booleanNode(true));
    }
    if (shell) {
      adjusted.set("command", nodes.textNode("/bin/bash"));
    }
    if (!user.isEmpty()) {
      adjusted.set("user", nodes.textNode(user));
    }
    if (overrides != null) {
      for (Map.Entry<String, JsonNode> field : overrides.properties()) {
        adjusted.set(field.getKey(), field.getValue());
      }
    }
    return adjusted;
  }

  /**
   * {@code json.dumps(value, indent=width)}: Python's layout (items end with {@code ,}, empty
   * containers stay {@code []}/{@code {}}), with {@code ensure_ascii} escapes.
   */
  public static String dumpJson(JsonNode value, int width) {
    StringBuilder out = new StringBuilder();
    writeIndented(value, 0, " ".repeat(width), out);
    return out.toString();
  }

  private static void writeIndented(JsonNode value, int depth, String unit, StringBuilder out) {
    String inner = unit.repeat(depth + 1);
    if (value.isObject() && value.size() > 0) {
      out.append("{\n");
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        out.append(first ? "" : ",\n").append(inner);
        first = false;
        out.append(ConfigData.serialise(JsonNodeFactory.instance.textNode(field.getKey())))
            .append(": ");
        writeIndented(field.getValue(), depth + 1, unit, out);
      }
      out.append('\n').append(unit.repeat(depth)).append('}');
    } else if (value.isArray() && value.size() > 0) {
      out.append("[\n");
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : ",\n").append(inner);
        writeIndented(value.get(i), depth + 1, unit, out);
      }
      out.append('\n').append(unit.repeat(depth)).append(']');
    } else {
      out.append(ConfigData.serialise(value));
    }
  }
}
