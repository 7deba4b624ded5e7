package dev.keelson.launcher.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keelson.launcher.apply.ListedContainer;
import dev.keelson.launcher.spec.DebugEntry;
import dev.keelson.launcher.spec.PythonText;
import java.util.ArrayList;
import java.util.List;

/** The output formats of {@code paunch list}, laid out as cliff's formatters lay them out. */
enum ListFormat {
  TABLE,
  JSON,
  YAML,
  CSV,
  VALUE;

  static final List<String> COLUMNS = List.of("config", "container", "image", "command", "status");

  /**
   * @param columns the {@code -c} selection; empty means all columns
   */
  String render(List<ListedContainer> rows, List<String> columns) {
    List<String> selected = selected(columns);
    List<List<String>> cells = rows.stream().map(row -> cells(row, selected)).toList();
    return switch (this) {
      case TABLE -> table(selected, cells);
      case JSON -> DebugEntry.dumpJson(json(selected, cells), 2);
      case YAML -> yaml(selected, cells);
      case CSV -> csv(selected, cells);
      case VALUE -> value(cells);
    };
  }

  /**
   * The columns {@code -c} selects, as cliff selects them: the table's own columns, in the table's
   * order, that were asked for, whatever the order or repetition of the {@code -c} options; names
   * that are no column are ignored. None asked for means all.
   *
   * @throws IllegalArgumentException when names were given and none of them is a column, with
   *     cliff's message
   */
  static List<String> selected(List<String> requested) {
    if (requested.isEmpty()) {
      return COLUMNS;
    }
    List<String> selected = COLUMNS.stream().filter(requested::contains).toList();
    if (selected.isEmpty()) {
      throw new IllegalArgumentException(
          "No recognized column names in "
              + pythonList(requested)
              + ". Recognized columns are "
              + pythonList(COLUMNS)
              + ".");
    }
    return selected;
  }

  private static String pythonList(List<String> items) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    items.forEach(list::add);
    // str() of a list is the repr of its items: ['a', 'b']
    return PythonText.str(list);
  }

  private static List<String> cells(ListedContainer row, List<String> columns) {
    List<String> all =
        List.of(row.config(), row.container(), row.image(), row.command(), row.status());
    return columns.stream().map(column -> all.get(COLUMNS.indexOf(column))).toList();
  }

  private static String table(List<String> columns, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width + 2)).append('+');
    }
    StringBuilder out = new StringBuilder().append(rule).append('\n');
    out.append(line(columns, widths)).append('\n').append(rule).append('\n');
    for (List<String> row : rows) {
      out.append(line(row, widths)).append('\n');
    }
    return out.append(rule).toString();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      line.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
    }
    return line.toString();
  }

  private static ArrayNode json(List<String> columns, List<List<String>> rows) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (List<String> row : rows) {
      ObjectNode object = array.addObject();
      for (int i = 0; i < columns.size(); i++) {
        object.put(columns.get(i), row.get(i));
      }
    }
    return array;
  }

  /** yaml.safe_dump sorts keys: command, config, container, image, status. */
  private static String yaml(List<String> columns, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return "[]";
    }
    List<String> sorted = new ArrayList<>(columns);
    sorted.sort(null);
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      String prefix = "- ";
      for (String column : sorted) {
        out.append(prefix).append(column).append(": ");
        out.append(YamlScalars.plainOrQuoted(row.get(columns.indexOf(column)))).append('\n');
        prefix = "  ";
      }
    }
    return out.toString().stripTrailing();
  }

  private static String csv(List<String> columns, List<List<String>> rows) {
    StringBuilder out = new StringBuilder(csvLine(columns));
    for (List<String> row : rows) {
      out.append('\n').append(csvLine(row));
    }
    return out.toString();
  }

  private static String csvLine(List<String> cells) {
    return String.join(
        ",", cells.stream().map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"").toList());
  }

  private static String value(List<List<String>> rows) {
    return String.join("\n", rows.stream().map(row -> String.join(" ", row)).toList());
  }
}
