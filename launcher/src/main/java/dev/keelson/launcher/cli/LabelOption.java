package dev.keelson.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --label k=v}, repeatable, for the commands that create containers. */
final class LabelOption {

  @Option(
      names = "--label",
      paramLabel = "<label=value>",
      description = "Extra container label (repeatable).")
  List<String> labels = new ArrayList<>();

  /** The pairs in the order given; a pair without {@code =} is bad input. */
  Map<String, String> pairs() {
    return LabelPairs.parse(labels);
  }
}
