package dev.keelson.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.config.problem.SourceLocation;
import org.junit.jupiter.api.Test;

class JsonDocumentsTest {

  private static Document parse(String text) throws ConfigException {
    return JsonDocuments.parse(ConfigSource.of("app.json", text));
  }

  @Test
  void parse_values_keepTypesAndOrder() throws Exception {
    JsonNode root =
        parse(
                "{\"poll\": 10, \"ttl\": 2.5, \"big\": 99999999999, \"on\": true, \"n\": null, \"b\": 1, \"a\": [\"x\"]}")
            .root();

    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly("poll", "ttl", "big", "on", "n", "b", "a");
    assertThat(root.get("poll").isInt()).isTrue();
    assertThat(root.get("ttl").isDouble()).isTrue();
    assertThat(root.get("big").isLong()).isTrue();
    assertThat(root.get("on").booleanValue()).isTrue();
    assertThat(root.get("n").isNull()).isTrue();
    assertThat(root.at("/a/0").textValue()).isEqualTo("x");
  }

  @Test
  void parse_nodes_haveLocations() throws Exception {
    Document document = parse("{\n  \"services\": [\n    {\"name\": \"web\"}\n  ]\n}");

    assertThat(document.locate("/services/0/name"))
        .isEqualTo(new SourceLocation("app.json", 3, 14));
  }

  @Test
  void parse_syntaxError_reportsLineColumnAndCaret() {
    assertThatThrownBy(() -> parse("{\n  \"consul\": \"localhost:8500\"\n  \"services\": []\n}"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              ConfigProblem problem = e.problems().get(0);
              assertThat(problem.location()).isEqualTo(new SourceLocation("app.json", 3, 3));
              assertThat(problem.excerpt())
                  .isEqualTo("      \"services\": []" + System.lineSeparator() + "    --^");
            });
  }

  @Test
  void parse_trailingContent_isAnError() {
    assertThatThrownBy(() -> parse("{} {}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "app.json:1:4: JSON syntax error: unexpected content after the document");
  }

  @Test
  void detect_extensionThenContent_choosesFormat() {
    assertThat(ConfigSource.of("x.json", "a: b").format()).isEqualTo(Format.JSON);
    assertThat(ConfigSource.of("x.yaml", "{}").format()).isEqualTo(Format.YAML);
    assertThat(ConfigSource.of("<inline>", "  {\"a\": 1}").format()).isEqualTo(Format.JSON);
    assertThat(ConfigSource.of("<inline>", "a: 1").format()).isEqualTo(Format.YAML);
  }
}
