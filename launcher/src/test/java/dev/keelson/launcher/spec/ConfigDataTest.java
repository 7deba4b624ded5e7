package dev.keelson.launcher.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import org.junit.jupiter.api.Test;

class ConfigDataTest {

  private static JsonNode yaml(String text) throws Exception {
    return YamlDocuments.parse(ConfigSource.of("test.yml", text)).root();
  }

  @Test
  void serialise_simpleEntry_matchesPythonJsonDumps() throws Exception {
    JsonNode entry = yaml("{image: keelson/busybox:1, command: sleep 3600, environment: [A=1]}");

    assertThat(ConfigData.serialise(entry))
        .isEqualTo(
            "{\"image\": \"keelson/busybox:1\", \"command\": \"sleep 3600\", \"environment\":"
                + " [\"A=1\"]}");
  }

  @Test
  void serialise_floatsNestedInMaps_usePythonRepr() throws Exception {
    JsonNode entry = yaml("n: {f: [1.5, 1.0e-05, 1.0e+16, 1.0e+15, 0.1, 100.0, .nan, .inf]}");

    assertThat(ConfigData.serialise(entry))
        .isEqualTo(
            "{\"n\": {\"f\": [1.5, 1e-05, 1e+16, 1000000000000000.0, 0.1, 100.0, NaN,"
                + " Infinity]}}");
  }

  @Test
  void serialise_nonAsciiAndControlCharacters_escapedLikeEnsureAscii() throws Exception {
    JsonNode entry = yaml("s: \"caf\\u00e9 \\U0001F600 \\x01\\x7f/\\\"\\\\\\\\\\n\\t\"");

    assertThat(ConfigData.serialise(entry))
        .isEqualTo("{\"s\": \"caf\\u00e9 \\ud83d\\ude00 \\u0001\\u007f/\\\"\\\\\\\\\\n\\t\"}");
  }

  @Test
  void serialise_emptyAndScalarValues_writtenAsJson() throws Exception {
    JsonNode entry =
        yaml("a: []\nb: {}\nc: null\nd: true\ne: no\nf: 017\ng: 123456789012345678901");

    assertThat(ConfigData.serialise(entry))
        .isEqualTo(
            "{\"a\": [], \"b\": {}, \"c\": null, \"d\": true, \"e\": false, \"f\": 15, \"g\":"
                + " 123456789012345678901}");
  }

  @Test
  void matches_sameEntryDifferentKeyOrderAndFormatting_isTrue() throws Exception {
    JsonNode entry = yaml("image: x\ncommand: [sleep, '1']\nenvironment: {A: '1'}");

    assertThat(
            ConfigData.matches(
                "{\"environment\": {\"A\": \"1\"}, \"command\": [\"sleep\", \"1\"], \"image\":"
                    + " \"x\"}",
                entry))
        .isTrue();
  }

  @Test
  void matches_commandStringVersusList_isFalse() throws Exception {
    JsonNode entry = yaml("image: x\ncommand: [sleep, '3600']");

    assertThat(ConfigData.matches("{\"image\": \"x\", \"command\": \"sleep 3600\"}", entry))
        .isFalse();
  }

  @Test
  void matches_integerVersusFloatAndBoolean_comparesAsPython() throws Exception {
    assertThat(ConfigData.matches("{\"a\": 1.0, \"b\": true}", yaml("a: 1\nb: 1"))).isTrue();
    assertThat(ConfigData.matches("{\"a\": \"1\"}", yaml("a: 1"))).isFalse();
  }

  @Test
  void matches_ownSerialisationOfFloatsAndAstralCharacters_isTrue() throws Exception {
    JsonNode entry = yaml("a: 1.0e-05\nb: .nan\nc: -.inf\nd: \"\\U0001F600\"\ne: 1.0e+16");

    assertThat(ConfigData.matches(ConfigData.serialise(entry), entry)).isTrue();
  }

  @Test
  void matches_missingOrBrokenLabel_isFalse() throws Exception {
    JsonNode entry = yaml("image: x");

    assertThat(ConfigData.matches(null, entry)).isFalse();
    assertThat(ConfigData.matches("", entry)).isFalse();
    assertThat(ConfigData.matches("{\"image\": [", entry)).isFalse();
  }

  @Test
  void matches_yamlLabelThatIsNotJson_readAsPaunchWould() throws Exception {
    assertThat(ConfigData.matches("{image: x}", yaml("image: x"))).isTrue();
  }

  @Test
  void floatRepr_edgeCases_matchPython() {
    assertThat(PythonText.floatRepr(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(PythonText.floatRepr(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(PythonText.floatRepr(1.2345678901234568e17)).isEqualTo("1.2345678901234568e+17");
    assertThat(PythonText.floatRepr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonText.floatRepr(-0.0)).isEqualTo("-0.0");
    assertThat(PythonText.floatRepr(3661.001001)).isEqualTo("3661.001001");
  }
}
