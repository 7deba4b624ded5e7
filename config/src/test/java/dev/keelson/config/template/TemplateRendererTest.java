package dev.keelson.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRendererTest {

  private static final Environment ENV =
      Environment.of(
          Map.of(
              "HOST", "db.local",
              "PORT", "5432",
              "EMPTY", "",
              "LIST", "a,b,c",
              "EQ", "a=b=c",
              "QUOTE", "say \"hi\""));

  private static String render(String template) throws TemplateException {
    return TemplateRenderer.render(template, ENV);
  }

  @Test
  void render_plainText_unchanged() throws TemplateException {
    assertThat(render("{\"consul\": \"c:8500\"}\n")).isEqualTo("{\"consul\": \"c:8500\"}\n");
  }

  @Test
  void render_variable_substitutesValue() throws TemplateException {
    assertThat(render("{{.HOST}}:{{ .PORT }}")).isEqualTo("db.local:5432");
  }

  @Test
  void render_missingVariable_rendersEmpty() throws TemplateException {
    assertThat(render("[{{.NOPE}}]")).isEqualTo("[]");
  }

  @Test
  void render_valueContainingEquals_keptWhole() throws TemplateException {
    Environment environment = Environment.fromEntries(List.of("FOO=a=b", "BAR", "X=1"));
    assertThat(TemplateRenderer.render("{{.FOO}}|{{.BAR}}|{{.X}}", environment))
        .isEqualTo("a=b||1");
    assertThat(render("{{.EQ}}")).isEqualTo("a=b=c");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      value = {
        "{{ .NOPE | default \"d\" }}~d",
        "{{ .EMPTY | default \"d\" }}~d",
        "{{ .HOST | default \"d\" }}~db.local",
        "{{ .NOPE | default 8500 }}~8500",
        "{{ default \"x\" .PORT }}~5432",
        "{{ .LIST | split \",\" }}~[a b c]",
        "{{ .LIST | split \",\" | join \";\" }}~a;b;c",
        "{{ .NOPE | split \",\" | join \";\" }}~''",
        "{{ .HOST | replaceAll \".\" \"_\" }}~db_local",
        "{{ .HOST | regexReplaceAll `^([a-z]+)\\.(.*)$` \"$2/$1\" }}~local/db",
        "{{ .PORT | join \",\" }}~5432",
        "{{ `raw \\n` }}~raw \\n",
        "{{/* a comment */}}x~x",
      })
  void render_pipelines_goSemantics(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void render_trimMarkers_removeSurroundingSpace() throws TemplateException {
    assertThat(render("a  {{- .PORT -}}  \n b")).isEqualTo("a5432b");
    assertThat(render("{{-3}}")).isEqualTo("-3");
  }

  @Test
  void render_quoteInsideActionInsideJsonString_isRawText() throws TemplateException {
    assertThat(render("{\"x\": \"{{ .NOPE | default \"d\" }}\"}")).isEqualTo("{\"x\": \"d\"}");
  }

  @Test
  void render_closingBracesInsideString_doNotEndAction() throws TemplateException {
    assertThat(render("{{ .NOPE | default \"}}\" }}")).isEqualTo("}}");
  }

  @Test
  void render_valueWithQuote_insertedVerbatim() throws TemplateException {
    assertThat(render("{{.QUOTE}}")).isEqualTo("say \"hi\"");
  }

  @Test
  void render_unclosedAction_reportsPositionOfOpening() {
    assertThatThrownBy(() -> render("{\n  \"a\": \"{{.HOST\"\n}"))
        .isInstanceOfSatisfying(
            TemplateException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(9);
              assertThat(e.getMessage())
                  .isEqualTo("template: 2:9: unclosed action: missing \"}}\"");
            });
  }

  @Test
  void render_unknownFunction_namesItWithPosition() {
    assertThatThrownBy(() -> render("x\n {{ .HOST | upper }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: 2:13: function \"upper\" not defined");
  }

  @Test
  void render_wrongArgumentCount_isError() {
    assertThatThrownBy(() -> render("{{ .HOST | default }}"))
        .hasMessage("template: 1:12: wrong number of args for default: want 2 got 1");
    assertThatThrownBy(() -> render("{{ split \",\" }}"))
        .hasMessage("template: 1:4: wrong number of args for split: want 2 got 1");
  }

  @Test
  void render_syntaxErrors_areReported() {
    assertThatThrownBy(() -> render("{{ }}"))
        .hasMessage("template: 1:1: missing value for command");
    assertThatThrownBy(() -> render("{{ .A.B }}"))
        .hasMessageContaining("1:4: nested fields are not supported");
    assertThatThrownBy(() -> render("{{ .A | }}"))
        .hasMessage("template: 1:7: missing command after '|'");
    assertThatThrownBy(() -> render("{{ .A | .B }}"))
        .hasMessage("template: 1:9: non executable command in pipeline stage 2");
    assertThatThrownBy(() -> render("{{ \"abc }}")).hasMessageContaining("unclosed action");
    assertThatThrownBy(() -> render("{{ (.A }}")).hasMessage("template: 1:4: unclosed left paren");
    assertThatThrownBy(() -> render("{{ .A) }}"))
        .hasMessage("template: 1:6: unexpected right paren");
    assertThatThrownBy(() -> render("{{ .A \"x\" }}"))
        .hasMessageContaining("can't give argument to non-function .A");
    assertThatThrownBy(() -> render("{{ \"\\q\" }}")).hasMessageContaining("unknown escape");
  }

  @Test
  void render_invalidRegex_isErrorNotCrash() {
    assertThatThrownBy(() -> render("{{ .HOST | regexReplaceAll \"(\" \"x\" }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("1:12: regexReplaceAll: invalid regular expression \"(\"");
  }

  @Test
  void environment_lookupAndWith_areImmutable() {
    Environment base = Environment.of(Map.of("A", "1"));
    Environment extended = base.with("B", "2");
    assertThat(base.lookup("B")).isEmpty();
    assertThat(extended.lookup("B")).contains("2");
    assertThat(extended.lookup("A")).contains("1");
    assertThat(Environment.empty().variables()).isEmpty();
  }
}
