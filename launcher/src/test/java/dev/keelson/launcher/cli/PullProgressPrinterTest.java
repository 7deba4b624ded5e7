package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.launcher.engine.PullEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PullProgressPrinterTest {

  private final StringWriter err = new StringWriter();

  private void pullTwoLayers(PullProgressPrinter printer) {
    printer.progress(new PullEvent("app:1", "1", "Pulling from app", 0, 0));
    printer.progress(new PullEvent("app:1", "aaa", "Pulling fs layer", 0, 0));
    printer.progress(new PullEvent("app:1", "aaa", "Downloading", 10, 100));
    printer.progress(new PullEvent("app:1", "aaa", "Downloading", 50, 100));
    printer.progress(new PullEvent("app:1", "bbb", "Already exists", 0, 0));
    printer.progress(new PullEvent("app:1", "aaa", "Pull complete", 0, 0));
    printer.progress(new PullEvent("app:1", null, "Digest: sha256:00", 0, 0));
    printer.finished("app:1", true);
  }

  @Test
  void notOnTerminal_printsOneLinePerImage() {
    pullTwoLayers(new PullProgressPrinter(new PrintWriter(err), false));

    assertThat(err.toString().lines()).containsExactly("pulled app:1 (2 layers)");
  }

  @Test
  void onTerminal_printsEachLayerStateChangeOnce() {
    pullTwoLayers(new PullProgressPrinter(new PrintWriter(err), true));

    assertThat(err.toString().lines())
        .containsExactly(
            "pull app:1 aaa: Pulling fs layer",
            "pull app:1 aaa: Downloading (100 bytes)",
            "pull app:1 bbb: Already exists",
            "pull app:1 aaa: Pull complete",
            "pulled app:1 (2 layers)");
  }

  @Test
  void failedPull_saysSo() {
    new PullProgressPrinter(new PrintWriter(err), false).finished("app:2", false);

    assertThat(err.toString().lines()).containsExactly("pull of app:2 failed");
  }
}
