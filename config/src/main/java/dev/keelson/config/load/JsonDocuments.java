package dev.keelson.config.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.config.problem.Severity;
import dev.keelson.config.problem.SourceLocation;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses strict JSON, recording where each value starts; syntax errors carry line, column and a
 * caret.
 */
public final class JsonDocuments {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonDocuments() {}

  public static Document parse(ConfigSource source) throws ConfigException {
    Map<String, SourceLocation> locations = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(source.text())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ConfigException(
            ConfigProblem.error(source.name(), "", "the document is empty", null));
      }
      JsonNode root = read(parser, source.name(), "", locations);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw syntaxError(
            source, "unexpected content after the document", parser.currentTokenLocation());
      }
      return new Document(source, root, locations);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      throw syntaxError(source, e.getOriginalMessage(), location);
    } catch (IOException e) {
      throw new ConfigException(
          ConfigProblem.error(source.name(), "", "cannot read JSON: " + e.getMessage(), null));
    }
  }

  private static JsonNode read(
      JsonParser parser, String file, String pointer, Map<String, SourceLocation> locations)
      throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    locations.put(pointer, new SourceLocation(file, start.getLineNr(), start.getColumnNr()));
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          object.set(key, read(parser, file, Document.child(pointer, key), locations));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(
              read(parser, file, Document.child(pointer, Integer.toString(index++)), locations));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return integral(parser);
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    }
  }

  private static JsonNode integral(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  private static ConfigException syntaxError(ConfigSource source, String message, JsonLocation at) {
    int line = Math.max(1, at.getLineNr());
    int column = Math.max(1, at.getColumnNr());
    String excerpt = Excerpt.at(source.text(), line, column);
    return new ConfigException(
        new ConfigProblem(
            Severity.ERROR,
            source.name(),
            "",
            "JSON syntax error: " + firstLine(message),
            new SourceLocation(source.name(), line, column),
            excerpt.isEmpty() ? null : excerpt));
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
