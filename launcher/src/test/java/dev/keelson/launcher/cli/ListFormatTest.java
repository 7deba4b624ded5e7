package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.launcher.apply.ListedContainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListFormatTest {

  private final List<ListedContainer> rows =
      List.of(new ListedContainer("hi", "hello", "img:1", "sleep 600", "running"));

  @Test
  void render_table_boxedLikeCliff() {
    assertThat(ListFormat.TABLE.render(rows, List.of()))
        .isEqualTo(
            """
            +--------+-----------+-------+-----------+---------+
            | config | container | image | command   | status  |
            +--------+-----------+-------+-----------+---------+
            | hi     | hello     | img:1 | sleep 600 | running |
            +--------+-----------+-------+-----------+---------+""");
  }

  @Test
  void render_jsonWithColumns_onlyThoseKeys_inTheTablesOrderAsCliff() {
    assertThat(ListFormat.JSON.render(rows, List.of("status", "container")))
        .isEqualTo(
            """
            [
              {
                "container": "hello",
                "status": "running"
              }
            ]""");
  }

  @Test
  void selected_keepsTableOrder_dropsDuplicates_ignoresUnknownNames() {
    assertThat(ListFormat.selected(List.of("status", "image", "status", "nope", "config")))
        .containsExactly("config", "image", "status");
    assertThat(ListFormat.selected(List.of())).isEqualTo(ListFormat.COLUMNS);
    assertThat(ListFormat.VALUE.render(rows, List.of("status", "config", "status")))
        .isEqualTo("hi running");
  }

  @Test
  void selected_noKnownName_failsWithCliffsMessage() {
    assertThatThrownBy(() -> ListFormat.selected(List.of("nope", "Status")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "No recognized column names in ['nope', 'Status']. Recognized columns are"
                + " ['config', 'container', 'image', 'command', 'status'].");
  }

  @Test
  void render_csvValueYaml_matchCliffLayouts() {
    assertThat(ListFormat.CSV.render(rows, List.of()))
        .isEqualTo(
            "\"config\",\"container\",\"image\",\"command\",\"status\"\n"
                + "\"hi\",\"hello\",\"img:1\",\"sleep 600\",\"running\"");
    assertThat(ListFormat.VALUE.render(rows, List.of()))
        .isEqualTo("hi hello img:1 sleep 600 running");
    assertThat(ListFormat.YAML.render(rows, List.of()))
        .isEqualTo(
            """
            - command: sleep 600
              config: hi
              container: hello
              image: img:1
              status: running""");
  }

  @Test
  void render_noRows_emptyTableAndEmptyJsonList() {
    assertThat(ListFormat.TABLE.render(List.of(), List.of())).isEmpty();
    assertThat(ListFormat.JSON.render(List.of(), List.of())).isEqualTo("[]");
  }
}
