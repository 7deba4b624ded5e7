package dev.keelson.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.config.problem.Severity;
import dev.keelson.config.problem.SourceLocation;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses YAML the way PyYAML's {@code safe_load} does — YAML 1.1 scalars ({@code yes}/{@code no}
 * are booleans, {@code 0777} is octal), merge keys, the last of duplicate keys wins — so that a
 * config means here what it meant to the Python tools. SnakeYAML implements the same resolver.
 */
public final class YamlDocuments {

  /** A deeper document is certainly an alias bomb or a mistake, never a container config. */
  private static final int MAX_DEPTH = 200;

  private YamlDocuments() {}

  /** Parses {@code source}; an empty document is an error (there is nothing to apply). */
  public static Document parse(ConfigSource source) throws ConfigException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(1000);
    TreeBuilder builder = new TreeBuilder(source.name(), options);
    try {
      Node node =
          new Yaml(
                  builder,
                  new Representer(new DumperOptions()),
                  new DumperOptions(),
                  options,
                  new PyYamlResolver())
              .compose(new StringReader(source.text()));
      if (node == null) {
        throw new ConfigException(
            ConfigProblem.error(source.name(), "", "the document is empty", null));
      }
      JsonNode root = builder.convert(node, "", 0);
      return new Document(source, root, builder.locations);
    } catch (MarkedYAMLException e) {
      throw syntaxError(source, e);
    } catch (YAMLException e) {
      throw new ConfigException(
          ConfigProblem.error(source.name(), "", "invalid YAML: " + e.getMessage(), null));
    }
  }

  private static ConfigException syntaxError(ConfigSource source, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : "syntax error";
    String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
    SourceLocation location =
        mark == null
            ? null
            : new SourceLocation(source.name(), mark.getLine() + 1, mark.getColumn() + 1);
    String excerpt =
        mark == null ? null : Excerpt.at(source.text(), mark.getLine() + 1, mark.getColumn() + 1);
    return new ConfigException(
        new ConfigProblem(
            Severity.ERROR,
            source.name(),
            "",
            "YAML syntax error: " + problem + context,
            location,
            excerpt == null || excerpt.isEmpty() ? null : excerpt));
  }

  /** Converts composed nodes into a Jackson tree, recording each node's start. */
  private static final class TreeBuilder extends SafeConstructor {
    private final String file;
    private final Map<String, SourceLocation> locations = new HashMap<>();

    TreeBuilder(String file, LoaderOptions options) {
      super(options);
      this.file = file;
    }

    JsonNode convert(Node node, String pointer, int depth) throws ConfigException {
      if (depth > MAX_DEPTH) {
        throw new ConfigException(
            ConfigProblem.error(
                file, pointer, "nested more than " + MAX_DEPTH + " levels deep", null));
      }
      Mark start = node.getStartMark();
      if (start != null) {
        locations.put(
            pointer, new SourceLocation(file, start.getLine() + 1, start.getColumn() + 1));
      }
      if (node instanceof MappingNode mapping) {
        if (hasMergeKey(mapping)) {
          // SnakeYAML's merge also drops earlier duplicates; without "<<" we keep Python's dict
          // order instead (a repeated key keeps its first position and takes the last value)
          flattenMapping(mapping);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
          String key = keyText(tuple.getKeyNode());
          String child = Document.child(pointer, key);
          object.set(key, convert(tuple.getValueNode(), child, depth + 1));
        }
        return object;
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        int index = 0;
        for (Node item : sequence.getValue()) {
          array.add(convert(item, Document.child(pointer, Integer.toString(index++)), depth + 1));
        }
        return array;
      }
      return scalar((ScalarNode) node);
    }

    private static boolean hasMergeKey(MappingNode mapping) {
      return mapping.getValue().stream()
          .anyMatch(tuple -> tuple.getKeyNode().getTag().equals(Tag.MERGE));
    }

    private JsonNode scalar(ScalarNode node) {
      @Nullable Object value = constructObject(node);
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      if (value == null) {
        return nodes.nullNode();
      } else if (value instanceof Boolean bool) {
        return nodes.booleanNode(bool);
      } else if (value instanceof Integer number) {
        return nodes.numberNode(number);
      } else if (value instanceof Long number) {
        return nodes.numberNode(number);
      } else if (value instanceof BigInteger number) {
        return nodes.numberNode(number);
      } else if (value instanceof Double number) {
        return nodes.numberNode(number);
      } else if (value instanceof byte[] bytes) {
        return nodes.binaryNode(bytes);
      } else if (value instanceof String text) {
        return nodes.textNode(text);
      }
      // timestamps and anything else exotic keep the text as written
      return nodes.textNode(node.getValue());
    }

    /**
     * Mapping keys as Python's json.dumps writes non-string keys: {@code true}, {@code 1}, {@code
     * null}. Complex keys (a mapping as a key) fall back to their source text.
     */
    private String keyText(Node keyNode) {
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        return String.valueOf(keyNode.getStartMark());
      }
      @Nullable Object key = constructObject(scalarKey);
      if (key == null) {
        return "null";
      }
      return key instanceof String text
          ? text
          : (key instanceof Boolean || key instanceof Number)
              ? key.toString()
              : scalarKey.getValue();
    }
  }
}
