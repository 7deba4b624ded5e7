package dev.keelson.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code yaml.safe_dump(value, default_flow_style=False)}: block style, keys sorted, sequences at
 * their key's indentation. Scalars are quoted by SnakeYAML's rules, which differ from PyYAML's in
 * rare cases (docs/compatibility.md).
 */
final class YamlDump {

  private YamlDump() {}

  static String dump(JsonNode value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(80);
    return new Yaml(options).dump(sorted(new ObjectMapper().convertValue(value, Object.class)));
  }

  @SuppressWarnings("unchecked")
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sortedMap = new TreeMap<>();
      ((Map<String, Object>) map).forEach((key, item) -> sortedMap.put(key, sorted(item)));
      return sortedMap;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(YamlDump::sorted).toList();
    }
    return value;
  }
}
