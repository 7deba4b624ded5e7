package dev.keelson.config.template;

import dev.keelson.config.template.Node.Command;
import dev.keelson.config.template.Node.Operand;
import dev.keelson.config.template.Node.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs a parsed template against the environment, with Go's rules: the data ({@code $}, and the
 * first dot) is the environment as a string map, read with {@code missingkey=zero}, so an unset
 * variable is the empty string; {@code with} and {@code range} move the dot; variables live until
 * the {@code end} of the structure that declared them.
 */
final class TemplateExecution {

  private final Map<String, String> root;
  private final Positions positions;
  private final Deque<Map<String, @Nullable Object>> scopes = new ArrayDeque<>();

  private TemplateExecution(Map<String, String> root, Positions positions) {
    this.root = root;
    this.positions = positions;
  }

  static String run(List<Node> nodes, Environment environment, Positions positions)
      throws TemplateException {
    TemplateExecution execution = new TemplateExecution(environment.variables(), positions);
    Map<String, @Nullable Object> outermost = new HashMap<>();
    outermost.put("$", execution.root);
    execution.scopes.push(outermost);
    StringBuilder out = new StringBuilder();
    execution.walk(nodes, execution.root, out);
    return out.toString();
  }

  private void walk(List<Node> nodes, @Nullable Object dot, StringBuilder out)
      throws TemplateException {
    for (Node node : nodes) {
      if (node instanceof Node.Text text) {
        out.append(text.text());
      } else if (node instanceof Node.Output output) {
        Object value = pipeline(output.pipeline(), dot);
        if (output.pipeline().variables().isEmpty()) {
          out.append(value == null ? "<no value>" : GoValues.print(value));
        }
      } else if (node instanceof Node.Conditional conditional) {
        inScope(() -> branch(conditional, dot, out));
      } else if (node instanceof Node.Range range) {
        inScope(() -> range(range, dot, out));
      }
    }
  }

  private void branch(Node.Conditional conditional, @Nullable Object dot, StringBuilder out)
      throws TemplateException {
    Object value = pipeline(conditional.pipeline(), dot);
    if (GoValues.truth(value)) {
      walk(conditional.body(), conditional.with() ? value : dot, out);
    } else {
      walk(conditional.otherwise(), dot, out);
    }
  }

  private void range(Node.Range range, @Nullable Object dot, StringBuilder out)
      throws TemplateException {
    Pipeline pipeline = range.pipeline();
    Object value = commands(pipeline.commands(), dot);
    List<Object> keys = new ArrayList<>();
    List<Object> items = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        keys.add((long) i);
        items.add(list.get(i));
      }
    } else if (value instanceof Map<?, ?> map) {
      new TreeMap<>(map)
          .forEach(
              (key, item) -> {
                keys.add(key);
                items.add(item);
              });
    } else if (value != null) {
      throw positions.error("range can't iterate over " + GoValues.print(value), pipeline.offset());
    }
    if (items.isEmpty()) {
      walk(range.otherwise(), dot, out);
      return;
    }
    List<String> variables = pipeline.variables();
    for (int i = 0; i < items.size(); i++) {
      Object key = keys.get(i);
      Object item = items.get(i);
      inScope(
          () -> {
            if (variables.size() == 1) {
              set(variables.get(0), item, true, pipeline.offset());
            } else if (variables.size() == 2) {
              set(variables.get(0), key, true, pipeline.offset());
              set(variables.get(1), item, true, pipeline.offset());
            }
            walk(range.body(), item, out);
          });
    }
  }

  /** Runs {@code body} with a scope of its own for the variables it declares. */
  private void inScope(Body body) throws TemplateException {
    scopes.push(new HashMap<>());
    try {
      body.run();
    } finally {
      scopes.pop();
    }
  }

  @FunctionalInterface
  private interface Body {
    void run() throws TemplateException;
  }

  private @Nullable Object pipeline(Pipeline pipeline, @Nullable Object dot)
      throws TemplateException {
    Object value = commands(pipeline.commands(), dot);
    for (String variable : pipeline.variables()) {
      set(variable, value, pipeline.declares(), pipeline.offset());
    }
    return value;
  }

  private @Nullable Object commands(List<Command> commands, @Nullable Object dot)
      throws TemplateException {
    Object value = null;
    for (int i = 0; i < commands.size(); i++) {
      value = command(commands.get(i), dot, i > 0, value);
    }
    return value;
  }

  private @Nullable Object command(
      Command command, @Nullable Object dot, boolean piped, @Nullable Object input)
      throws TemplateException {
    List<Operand> operands = command.operands();
    if (!(operands.get(0) instanceof Operand.Function function)) {
      return operand(operands.get(0), dot);
    }
    List<@Nullable Object> args = new ArrayList<>();
    for (Operand operand : operands.subList(1, operands.size())) {
      args.add(operand(operand, dot));
    }
    if (piped) {
      args.add(input);
    }
    try {
      return TemplateFunctions.call(function.name(), args);
    } catch (IllegalArgumentException e) {
      throw positions.error(String.valueOf(e.getMessage()), function.offset());
    }
  }

  private @Nullable Object operand(Operand operand, @Nullable Object dot) throws TemplateException {
    if (operand instanceof Operand.Field field) {
      return field(dot, field.name(), field.offset());
    }
    if (operand instanceof Operand.Dot) {
      return dot;
    }
    if (operand instanceof Operand.Variable variable) {
      Object value = lookup(variable.name(), variable.offset());
      String field = variable.field();
      return field == null ? value : field(value, field, variable.offset());
    }
    if (operand instanceof Operand.Literal literal) {
      return literal.value();
    }
    if (operand instanceof Operand.Group group) {
      return pipeline(group.pipeline(), dot);
    }
    Operand.Function function = (Operand.Function) operand;
    try {
      return TemplateFunctions.call(function.name(), List.of());
    } catch (IllegalArgumentException e) {
      throw positions.error(String.valueOf(e.getMessage()), function.offset());
    }
  }

  /** {@code .NAME} of {@code value}: only the environment has fields; an unset one is "". */
  private Object field(@Nullable Object value, String name, int offset) throws TemplateException {
    if (value instanceof Map<?, ?> map) {
      Object found = map.get(name);
      return found == null ? "" : found;
    }
    throw positions.error(
        "can't evaluate field " + name + " in type " + GoValues.typeName(value), offset);
  }

  private @Nullable Object lookup(String name, int offset) throws TemplateException {
    for (Map<String, @Nullable Object> scope : scopes) {
      if (scope.containsKey(name)) {
        return scope.get(name);
      }
    }
    throw positions.error("undefined variable: " + name, offset);
  }

  private void set(String name, @Nullable Object value, boolean declare, int offset)
      throws TemplateException {
    if (declare) {
      scopes.getFirst().put(name, value);
      return;
    }
    for (Map<String, @Nullable Object> scope : scopes) {
      if (scope.containsKey(name)) {
        scope.put(name, value);
        return;
      }
    }
    throw positions.error("undefined variable: " + name, offset);
  }
}
