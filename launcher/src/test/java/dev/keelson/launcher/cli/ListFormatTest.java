package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
  void render_jsonWithColumns_onlyThoseKeysInGivenOrder() {
    assertThat(ListFormat.JSON.render(rows, List.of("status", "container")))
        .isEqualTo(
            """
            [
              {
                "status": "running",
                "container": "hello"
              }
            ]""");
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
