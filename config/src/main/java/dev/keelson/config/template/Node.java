package dev.keelson.config.template;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The parsed form of a template: text and actions, with the control structures nested. */
sealed interface Node {

  /** Text outside actions, already trimmed by any neighbouring trim marker. */
  record Text(String text) implements Node {}

  /** <code>{{pipeline}}</code>: prints the value, unless the pipeline declares a variable. */
  record Output(Pipeline pipeline) implements Node {}

  /**
   * <code>{{if p}} body {{else}} otherwise {{end}}</code>, or the same with {@code with}, which
   * also makes the value the body's dot. An {@code else if} is an {@code otherwise} holding one
   * more conditional.
   */
  record Conditional(boolean with, Pipeline pipeline, List<Node> body, List<Node> otherwise)
      implements Node {}

  /** <code>{{range p}} body {{else}} otherwise {{end}}</code>: the body for each item. */
  record Range(Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {}

  /**
   * Commands separated by {@code |}, each feeding its value to the next as its last argument,
   * optionally declaring ({@code :=}) or assigning ({@code =}) variables.
   *
   * @param variables the declared or assigned names, each with its {@code $}; empty if none
   * @param offset where the pipeline starts in the template, for error positions
   */
  record Pipeline(List<String> variables, boolean declares, List<Command> commands, int offset) {}

  /** One stage of a pipeline: a function and its arguments, or a single value. */
  record Command(List<Operand> operands, int offset) {}

  /** An argument or the head of a command. */
  sealed interface Operand {
    int offset();

    /** {@code .NAME}: the variable NAME of the dot, which must be the environment. */
    record Field(String name, int offset) implements Operand {}

    /** A bare {@code .}. */
    record Dot(int offset) implements Operand {}

    /** {@code $name}, or {@code $name.FIELD}. */
    record Variable(String name, @Nullable String field, int offset) implements Operand {}

    /** A string, number, boolean or {@code nil}. */
    record Literal(@Nullable Object value, String text, int offset) implements Operand {}

    /** A function name. */
    record Function(String name, int offset) implements Operand {}

    /** A parenthesised pipeline. */
    record Group(Pipeline pipeline, int offset) implements Operand {}
  }
}
