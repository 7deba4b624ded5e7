package dev.keelson.launcher.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.Document;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.launcher.apply.Paunch;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.DebugEntry;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paunch debug}: show or run one entry of a config file. */
@Command(
    name = "debug",
    mixinStandardHelpOptions = true,
    description = "Print, dump or run one container of a config file.")
final class DebugCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin EngineOptions engine = new EngineOptions();

  @Option(
      names = "--file",
      required = true,
      paramLabel = "<file>",
      description = "YAML or JSON config.")
  @Nullable Path file;

  @Option(
      names = "--container",
      required = true,
      paramLabel = "<name>",
      description = "Entry to debug.")
  @Nullable String container;

  @Option(
      names = "--action",
      paramLabel = "<name>",
      description = "print-cmd, run, dump-json or dump-yaml (default: ${DEFAULT-VALUE}).")
  String action = "print-cmd";

  @Option(names = "--label", paramLabel = "<label=value>", description = "Accepted; no effect.")
  List<String> labels = new ArrayList<>();

  /** Where an interactive entry's stdin comes from; a field so that tests can pipe into it. */
  InputStream stdin = System.in;

  @Option(names = "--interactive", description = "Run interactively with a terminal.")
  boolean interactive;

  @Option(names = "--shell", description = "Run /bin/bash interactively instead of the command.")
  boolean shell;

  @Option(names = "--user", paramLabel = "<name>", description = "Run as this user.")
  String user = "";

  @Option(
      names = "--overrides",
      paramLabel = "<json>",
      description = "JSON object merged into the entry.")
  String overrides = "";

  @Option(names = "--config-id", paramLabel = "<name>", description = "Accepted; no effect.")
  String configId = "debug";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Cli.spec(spec).commandLine().getOut();
    LabelPairs.parse(labels);
    Document document = YamlDocuments.parse(ConfigSource.read(Cli.required(file)));
    String name = Cli.required(container);
    JsonNode original = document.root().get(name);
    if (!document.root().isObject() || original == null) {
      throw new CliFailure("no container '" + name + "' in " + file);
    }
    ObjectNode entry =
        DebugEntry.adjust(original, interactive, shell, user, parseOverrides(overrides));
    ContainerSpec containerSpec = PaunchConfigParser.parseEntry(document, name, entry);
    ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
    wrapped.set(name, entry);
    switch (action) {
      case "dump-json" -> out.println(DebugEntry.dumpJson(wrapped, 4));
      case "dump-yaml" -> out.println(YamlDump.dump(wrapped));
      case "print-cmd" -> {
        try (Paunch paunch = engine.open()) {
          List<String> argv = new ArrayList<>(paunch.printCommand(containerSpec));
          // the podman CLI takes the same run flags, as paunch 4.3.0's podman runtime printed
          argv.set(0, engine.runtime().label());
          out.println(String.join(" ", argv));
        }
      }
      case "run" -> {
        return run(containerSpec, out);
      }
      default ->
          throw new CliFailure(
              "--action must be one of print-cmd, run, dump-json, dump-yaml, not '" + action + "'");
    }
    return 0;
  }

  private int run(ContainerSpec containerSpec, PrintWriter out) throws Exception {
    // --interactive and --shell make the entry interactive with a TTY (as paunch did); an
    // --overrides object may do the same. Its stdin is then this process's stdin.
    boolean interactive = containerSpec.process().interactive();
    try (Paunch paunch = engine.open();
        RawTerminal terminal =
            interactive && containerSpec.process().tty()
                ? RawTerminal.enter()
                : RawTerminal.unchanged()) {
      return paunch.debugRun(
          containerSpec,
          interactive ? stdin : null,
          text -> {
            out.print(text);
            out.flush();
          },
          terminal.window());
    }
  }

  private static @Nullable JsonNode parseOverrides(String text) {
    if (text.isEmpty()) {
      return null;
    }
    JsonNode parsed;
    try {
      parsed = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new CliFailure("--overrides is not valid JSON: " + e.getOriginalMessage());
    }
    if (parsed == null || !parsed.isObject()) {
      throw new CliFailure("--overrides must be a JSON object, e.g. '{\"user\": \"root\"}'");
    }
    return parsed;
  }
}
