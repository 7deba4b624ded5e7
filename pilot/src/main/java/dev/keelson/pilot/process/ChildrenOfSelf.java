package dev.keelson.pilot.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the pilot's direct children from {@code /proc}. Orphans are re-parented to an arbitrary
 * thread of PID 1, so every task's {@code children} file is read, not just the main thread's.
 */
public final class ChildrenOfSelf {

  private final Path proc;

  public ChildrenOfSelf(Path proc) {
    this.proc = proc;
  }

  public static ChildrenOfSelf system() {
    return new ChildrenOfSelf(Path.of("/proc"));
  }

  /** Pids of processes whose parent is this process; empty if /proc is unavailable. */
  public List<Long> list() {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("self/task"))) {
      for (Path task : tasks) {
        addPids(task.resolve("children"), pids);
      }
    } catch (IOException e) {
      return List.of();
    }
    return pids;
  }

  private static void addPids(Path childrenFile, List<Long> pids) {
    String text;
    try {
      text = Files.readString(childrenFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return; // the thread ended while we listed them
    }
    long pid = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (c >= '0' && c <= '9') {
        pid = (pid < 0 ? 0 : pid * 10) + (c - '0');
      } else if (pid >= 0) {
        pids.add(pid);
        pid = -1;
      }
    }
  }
}
