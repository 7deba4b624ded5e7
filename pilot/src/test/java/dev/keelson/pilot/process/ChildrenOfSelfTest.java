package dev.keelson.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildrenOfSelfTest {

  @Test
  void list_readsEveryTasksChildren(@TempDir Path proc) throws IOException {
    Files.createDirectories(proc.resolve("self/task/1"));
    Files.createDirectories(proc.resolve("self/task/7"));
    Files.createDirectories(proc.resolve("self/task/9"));
    Files.writeString(proc.resolve("self/task/1/children"), "12 345 ");
    Files.writeString(proc.resolve("self/task/7/children"), "");
    Files.writeString(proc.resolve("self/task/9/children"), "6789");
    assertThat(new ChildrenOfSelf(proc).list()).containsExactlyInAnyOrder(12L, 345L, 6789L);
  }

  @Test
  void list_noProc_isEmpty(@TempDir Path proc) {
    assertThat(new ChildrenOfSelf(proc.resolve("missing")).list()).isEmpty();
  }
}
