package dev.keelson.config.template;

/**
 * Renders a config as Go's text/template renders it for ContainerPilot: <code>{{.VAR}}</code>,
 * pipelines, {@code if}/{@code else}/{@code with}/{@code range} ... {@code end}, variables ({@code
 * $x := ...}, {@code $.VAR}), parenthesised calls, Go's built-in functions and ContainerPilot's
 * ({@link TemplateFunctions}), string, number, character and boolean literals, trim markers (<code>
 * {{- </code>, <code> -}}</code>) and comments (<code>{{/* *&#47;}}</code>). {@code define}, {@code
 * template} and {@code block} are refused with their position.
 *
 * <p>The data is the environment as a string map, with Go's {@code missingkey=zero}: an unset
 * variable renders as the empty string, as in ContainerPilot. The renderer never reads the process
 * environment: the caller passes an {@link Environment}. It works on raw text, before any parsing,
 * so a value containing a quote can still break the JSON that follows; that is the caller's
 * concern, as it was ContainerPilot's.
 */
public final class TemplateRenderer {

  private TemplateRenderer() {}

  /**
   * Renders {@code template} against {@code environment}.
   *
   * @throws TemplateException for a syntax error or a failing function or comparison, with the
   *     1-based line and column of the offending action or token
   */
  public static String render(String template, Environment environment) throws TemplateException {
    Positions positions = new Positions(template);
    try {
      return TemplateExecution.run(TemplateParser.parse(template), environment, positions);
    } catch (StackOverflowError e) {
      // thousands of nested blocks or parentheses, or a regular expression that backtracks
      // through a long value: an error in the config, not a crash of whoever renders it
      throw new TemplateException(
          "template nested too deeply, or a regular expression too costly, to render", 1, 1);
    }
  }
}
