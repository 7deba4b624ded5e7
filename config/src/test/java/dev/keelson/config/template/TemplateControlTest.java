package dev.keelson.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go text/template's control structures, variables and built-in functions, as 2.0.1 had them. */
class TemplateControlTest {

  private static final Environment ENV =
      Environment.of(
          Map.of(
              "CONSUL", "consul.svc",
              "HOST", "db.local",
              "PORT", "5432",
              "EMPTY", "",
              "LIST", "a,b,c",
              "HTML", "<a href='x'>&</a>"));

  private static String render(String template) throws TemplateException {
    return TemplateRenderer.render(template, ENV);
  }

  @Test
  void ifElse_autopilotConsulIdiom_picksTheBranchByTheVariable() throws TemplateException {
    String template =
        "{\"consul\": \"{{ if .CONSUL_AGENT }}localhost{{ else }}{{ .CONSUL }}{{ end }}:8500\"}";
    assertThat(render(template)).isEqualTo("{\"consul\": \"consul.svc:8500\"}");
    Environment agent = ENV.with("CONSUL_AGENT", "1");
    assertThat(TemplateRenderer.render(template, agent))
        .isEqualTo("{\"consul\": \"localhost:8500\"}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      value = {
        "{{ if .EMPTY }}a{{ else if .NOPE }}b{{ else if .PORT }}c{{ else }}d{{ end }}~c",
        "{{ if .EMPTY }}a{{ else if .NOPE }}b{{ else }}d{{ end }}~d",
        "{{ if .HOST }}{{ if .EMPTY }}x{{ else }}y{{ end }}{{ end }}~y",
        "{{ with .HOST }}h={{ . }}{{ else }}none{{ end }}~h=db.local",
        "{{ with .NOPE }}h={{ . }}{{ else }}none{{ end }}~none",
        "{{ with .NOPE }}a{{ else with .PORT }}p={{ . }}{{ end }}~p=5432",
        "{{ range split \",\" .LIST }}[{{ . }}]{{ end }}~[a][b][c]",
        "{{ range $i, $h := split \",\" .LIST }}{{ if $i }},{{ end }}{{ $h }}:{{ $.PORT }}{{ end }}"
            + "~a:5432,b:5432,c:5432",
        "{{ range split \",\" .EMPTY }}x{{ else }}no hosts{{ end }}~no hosts",
        "{{ $p := .PORT }}{{ $p }}/{{ $p }}~5432/5432",
        "{{ $x := \"a\" }}{{ if true }}{{ $x = \"b\" }}{{ end }}{{ $x }}~b",
        "{{ if $v := .HOST }}{{ $v }}{{ end }}~db.local",
        "{{ len (split \",\" .LIST) }}~3",
        "{{ index (split \",\" .LIST) 1 }}~b",
        "{{ index . \"PORT\" }}|{{ index . \"NOPE\" }}~5432|",
        "{{ len .HOST }}~8",
        "{{ and .HOST .PORT }}|{{ and .EMPTY .PORT }}|{{ or .EMPTY .NOPE .PORT }}~5432||5432",
        "{{ not .EMPTY }} {{ not .HOST }}~true false",
        "{{ eq .PORT \"80\" \"5432\" }} {{ ne .PORT \"80\" }} {{ lt \"a\" \"b\" }} {{ ge 2 3 }}"
            + "~true true true false",
        "{{ if eq .HOST \"db.local\" }}match{{ end }}~match",
        "{{ print .HOST 1 2 \"x\" }}~db.local1 2x",
        "{{ printf \"%s:%s\" .HOST .PORT }}~db.local:5432",
        "{{ printf \"%d-%05d-%x-%q-%v-%t\" 7 42 255 .HOST .LIST true }}~7-00042-ff-\"db.local\"-a,b,c-true",
        "{{ printf \"%d %s\" .PORT }}~%!d(string=5432) %!s(MISSING)",
        "{{ html .HTML }}~&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;",
        "{{ js .HTML }}~\\u003Ca href\\u003D\\'x\\'\\u003E\\u0026\\u003C/a\\u003E",
        "{{ urlquery \"a b&c*d\" }}~a+b%26c%2Ad",
        "{{ 1.5 }} {{ 1e6 }} {{ 0x1F }} {{ 'a' }} {{ 1_000 }} {{ true }}~1.5 1e+06 31 97 1000 true",
        "{{ .PORT | printf \"port %s\" }}~port 5432",
        "{{ (.HOST) }}~db.local",
      })
  void goTemplate_rendersAsGo(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void trimMarkers_workAroundControlActions() throws TemplateException {
    assertThat(render("[\n{{- if true -}}\n  yes  \n{{- end }}\n]")).isEqualTo("[yes\n]");
  }

  @Test
  void comments_mayHoldQuotesAndBraces() throws TemplateException {
    assertThat(render("a{{/* say \"hi }} ` */}}b")).isEqualTo("ab");
    assertThat(render("a \n{{- /* x */ -}}\n b")).isEqualTo("ab");
    assertThatThrownBy(() -> render("{{/* never closed }}"))
        .hasMessage("template: 1:1: unclosed comment");
    assertThatThrownBy(() -> render("{{/* x */ y}}"))
        .hasMessage("template: 1:1: comment ends before closing delimiter");
  }

  @Test
  void hugeInputs_areTemplateErrorsOrGosMarkers_notCrashes() throws TemplateException {
    assertThat(render("{{ printf \"%2000000000d|%.9999999f\" 1 1.5 }}"))
        .startsWith("%!(BADWIDTH)1|%!(BADPREC)1.5");
    String nested = "(".repeat(20_000) + "1" + ")".repeat(20_000);
    assertThatThrownBy(() -> render("{{ " + nested + " }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void range_overTheEnvironment_visitsVariablesInKeyOrder() throws TemplateException {
    Environment environment = Environment.of(Map.of("B", "2", "A", "1"));
    assertThat(
            TemplateRenderer.render(
                "{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}", environment))
        .isEqualTo("A=1;B=2;");
    assertThat(TemplateRenderer.render("{{ . }}", environment)).isEqualTo("map[A:1 B:2]");
  }

  @Test
  void variable_declaredInsideABlock_isGoneAfterItsEnd() {
    assertThatThrownBy(() -> render("{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: 1:39: undefined variable: $y");
  }

  /** As Go's parser: a typo fails whatever the environment, not only where its branch runs. */
  @Test
  void undefinedVariable_inABranchThatDoesNotRun_isStillAnError() {
    assertThatThrownBy(() -> render("{{ if .NOPE }}{{ $typo }}{{ end }}"))
        .hasMessage("template: 1:18: undefined variable: $typo");
    assertThatThrownBy(() -> render("{{ if .NOPE }}{{ $typo = 1 }}{{ end }}"))
        .hasMessage("template: 1:18: undefined variable: $typo");
  }

  @Test
  void rangeVariables_areInScopeInItsElse() throws TemplateException {
    assertThat(render("{{ range $i, $x := split \",\" .EMPTY }}{{ $x }}{{ else }}none{{ end }}"))
        .isEqualTo("none");
  }

  @Test
  void structureErrors_nameThePlace() {
    assertThatThrownBy(() -> render("x\n  {{ if .A }}y"))
        .hasMessage("template: 2:3: {{if}} has no matching {{end}}");
    assertThatThrownBy(() -> render("x{{ end }}")).hasMessage("template: 1:2: unexpected {{end}}");
    assertThatThrownBy(() -> render("{{ range .A }}{{ else }}{{ else }}{{ end }}"))
        .hasMessage("template: 1:25: expected {{end}}, found a second {{else}}");
    assertThatThrownBy(() -> render("{{ if }}{{ end }}"))
        .hasMessage("template: 1:4: missing value for if");
    assertThatThrownBy(() -> render("{{ if .A }}{{ else range .B }}{{ end }}"))
        .hasMessage("template: 1:20: {{else}} may only be followed by if, not range");
    assertThatThrownBy(() -> render("{{ define \"x\" }}{{ end }}"))
        .hasMessage("template: 1:4: {{define}} is not supported");
    assertThatThrownBy(() -> render("{{ $a, $b := .A }}"))
        .hasMessage("template: 1:4: too many declarations in command");
    assertThatThrownBy(() -> render("{{ nil }}")).hasMessage("template: 1:4: nil is not a command");
    assertThatThrownBy(() -> render("{{ 08 }}"))
        .hasMessage("template: 1:4: illegal number syntax: 08");
  }

  @Test
  void executionErrors_areGoErrorsWithThePosition() {
    assertThatThrownBy(() -> render("{{ eq .PORT 5432 }}"))
        .hasMessage("template: 1:4: error calling comparison: incompatible types for comparison");
    assertThatThrownBy(() -> render("{{ lt true false }}"))
        .hasMessage("template: 1:4: error calling comparison: invalid type for comparison");
    assertThatThrownBy(() -> render("{{ range split \",\" .LIST }}{{ .X }}{{ end }}"))
        .hasMessage("template: 1:31: can't evaluate field X in type string");
    assertThatThrownBy(() -> render("{{ range .HOST }}{{ end }}"))
        .hasMessage("template: 1:10: range can't iterate over db.local");
    assertThatThrownBy(() -> render("{{ index (split \",\" .LIST) 5 }}"))
        .hasMessage("template: 1:4: error calling index: index out of range: 5");
    assertThatThrownBy(() -> render("{{ len 3 }}"))
        .hasMessage("template: 1:4: error calling len: len of type int");
    assertThatThrownBy(() -> render("{{ not }}"))
        .hasMessage("template: 1:4: wrong number of args for not: want 1 got 0");
    assertThatThrownBy(() -> render("{{ and }}"))
        .hasMessage("template: 1:4: wrong number of args for and: want at least 1 got 0");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      value = {
        "1.5~1.5",
        "1000000~1e+06",
        "123456~123456",
        "0.0001~0.0001",
        "0.00001~1e-05",
        "-2.5e-7~-2.5e-07",
        "1e21~1e+21",
      })
  void floats_printAsGoPrintsThem(double value, String expected) {
    assertThat(GoValues.decimal(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      value = {
        "%5s|%-5s|~'   ab|ab   |'",
        "%.1s~a",
        "%+d % d %x %X %o %b %c~+42  42 2a 2A 52 101010 *",
        "%#x %08.3f %e %.2g %G~0x2a 0003.142 3.141590e+00 3.1 3.14159",
        "%%~%",
        "%z~%!z(string=ab)",
      })
  void printf_formatsAsGo(String format, String expected) throws TemplateException {
    String args =
        format.startsWith("%#") ? " 42 3.14159 3.14159 3.14159 3.14159" : " \"ab\" \"ab\"";
    if (format.startsWith("%+d")) {
      args = " 42 42 42 42 42 42 42";
    }
    if (format.equals("%%")) {
      args = "";
    }
    if (format.equals("%z") || format.equals("%.1s")) {
      args = " \"ab\"";
    }
    assertThat(render("{{ printf `" + format + "`" + args + " }}")).isEqualTo(expected);
  }
}
