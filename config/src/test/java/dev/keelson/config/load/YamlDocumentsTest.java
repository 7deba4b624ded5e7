package dev.keelson.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.config.problem.SourceLocation;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

  private static Document parse(String text) throws ConfigException {
    return YamlDocuments.parse(new ConfigSource("test.yml", text, Format.YAML));
  }

  @Test
  void parse_yaml11Scalars_resolveAsPyYamlDoes() throws Exception {
    JsonNode root =
        parse(
                """
                a: no
                b: yes
                c: 0777
                d: 1_000
                e: 1.5
                f: 1e3
                f2: 1.0e+3
                g: ~
                h: "no"
                i: 12345678901234567890
                """)
            .root();

    assertThat(root.get("a").isBoolean()).isTrue();
    assertThat(root.get("a").booleanValue()).isFalse();
    assertThat(root.get("b").booleanValue()).isTrue();
    assertThat(root.get("c").intValue()).isEqualTo(511);
    assertThat(root.get("d").intValue()).isEqualTo(1000);
    assertThat(root.get("e").doubleValue()).isEqualTo(1.5);
    assertThat(root.get("f").isTextual()).as("PyYAML floats need a dot").isTrue();
    assertThat(root.get("f2").doubleValue()).isEqualTo(1000.0);
    assertThat(root.get("g").isNull()).isTrue();
    assertThat(root.get("h").textValue()).isEqualTo("no");
    assertThat(root.get("i").bigIntegerValue().toString()).isEqualTo("12345678901234567890");
  }

  @Test
  void parse_mapping_keepsKeyOrderAndLastDuplicateWins() throws Exception {
    JsonNode root = parse("z: 1\na: 2\nm: 3\na: 4\n").root();

    assertThat(root.fieldNames()).toIterable().containsExactly("z", "a", "m");
    assertThat(root.get("a").intValue()).isEqualTo(4);
  }

  @Test
  void parse_mergeKeys_areResolved() throws Exception {
    JsonNode root =
        parse(
                """
                base: &base {image: busybox, net: host}
                web:
                  <<: *base
                  net: none
                """)
            .root();

    assertThat(root.get("web").get("image").textValue()).isEqualTo("busybox");
    assertThat(root.get("web").get("net").textValue()).isEqualTo("none");
  }

  @Test
  void parse_nonStringKeys_becomeTextAsJsonDumpsWritesThem() throws Exception {
    JsonNode root = parse("1: one\ntrue: yes\n").root();

    assertThat(root.fieldNames()).toIterable().containsExactly("1", "true");
  }

  @Test
  void parse_jsonText_isYaml() throws Exception {
    JsonNode root =
        parse("{\"hi\": {\"image\": \"busybox\", \"command\": [\"sh\", \"-c\"]}}").root();

    assertThat(root.at("/hi/command/1").textValue()).isEqualTo("-c");
  }

  @Test
  void parse_nodes_haveOneBasedLocations() throws Exception {
    Document document = parse("hi:\n  image: busybox\n  command:\n    - sleep\n    - '10'\n");

    assertThat(document.locate("/hi/image")).isEqualTo(new SourceLocation("test.yml", 2, 10));
    assertThat(document.locate("/hi/command/1")).isEqualTo(new SourceLocation("test.yml", 5, 7));
    assertThat(document.locate("/hi/missing/deeper"))
        .as("falls back to the nearest ancestor")
        .isEqualTo(document.locate("/hi"));
  }

  @Test
  void parse_syntaxError_reportsLineColumnAndCaret() {
    assertThatThrownBy(() -> parse("hi:\n  image: busybox\n  command: [sleep, 10\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              ConfigProblem problem = e.problems().get(0);
              assertThat(problem.location()).extracting(SourceLocation::line).isEqualTo(4);
              assertThat(problem.message()).startsWith("YAML syntax error: ");
              assertThat(problem.render()).startsWith("test.yml:4:");
            });
  }

  @Test
  void parse_tabIndentation_pointsAtTheTab() {
    assertThatThrownBy(() -> parse("hi:\n\timage: busybox\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              ConfigProblem problem = e.problems().get(0);
              assertThat(problem.location()).isEqualTo(new SourceLocation("test.yml", 2, 1));
              assertThat(problem.excerpt()).contains("image: busybox").contains("^");
            });
  }

  @Test
  void parse_emptyDocument_isAnError() {
    assertThatThrownBy(() -> parse("# nothing here\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yml: the document is empty");
  }
}
