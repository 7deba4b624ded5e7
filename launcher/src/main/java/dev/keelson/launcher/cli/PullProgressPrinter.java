package dev.keelson.launcher.cli;

import dev.keelson.launcher.engine.PullEvent;
import dev.keelson.launcher.engine.PullListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Shows pull progress on stderr: on a terminal a line whenever a layer changes state (the byte
 * counts of one state would scroll too fast to read); otherwise, for logs, one line per image.
 */
final class PullProgressPrinter implements PullListener {

  private final PrintWriter err;
  private final boolean perLayer;
  private final Map<String, String> layerStates = new HashMap<>();
  private final Map<String, Set<String>> layersByImage = new HashMap<>();

  PullProgressPrinter(PrintWriter err, boolean perLayer) {
    this.err = err;
    this.perLayer = perLayer;
  }

  /**
   * Whether a person is watching. On the JDK 17 we target, {@code System.console()} is null once
   * stdin or stdout is redirected (JDK 22 changed that; then this needs {@code isTerminal()}).
   */
  @SuppressWarnings("SystemConsoleNull")
  static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public synchronized void progress(PullEvent event) {
    String layer = event.layer();
    if (layer == null || event.status().startsWith("Pulling from")) {
      return;
    }
    layersByImage.computeIfAbsent(event.image(), image -> new LinkedHashSet<>()).add(layer);
    String previous = layerStates.put(event.image() + " " + layer, event.status());
    if (perLayer && !event.status().equals(previous)) {
      err.println(
          "pull "
              + event.image()
              + " "
              + layer
              + ": "
              + event.status()
              + (event.total() > 0 ? " (" + event.total() + " bytes)" : ""));
      err.flush();
    }
  }

  @Override
  public synchronized void finished(String image, boolean succeeded) {
    Set<String> layers = layersByImage.getOrDefault(image, Set.of());
    err.println(
        succeeded
            ? "pulled "
                + image
                + " ("
                + layers.size()
                + (layers.size() == 1 ? " layer)" : " layers)")
            : "pull of " + image + " failed");
    err.flush();
  }
}
