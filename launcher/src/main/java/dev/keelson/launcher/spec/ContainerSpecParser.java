package dev.keelson.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keelson.config.problem.Problems;
import dev.keelson.config.problem.SourceLocation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validates one entry into a {@link ContainerSpec}, reporting every problem it finds. */
final class ContainerSpecParser {

  /** Keys the docker builder understands, in paunch's emission order, then the control keys. */
  static final Set<String> KNOWN_KEYS =
      Set.of(
          "detach",
          "env_file",
          "environment",
          "remove",
          "interactive",
          "tty",
          "net",
          "ipc",
          "pid",
          "uts",
          "ulimit",
          "healthcheck",
          "privileged",
          "restart",
          "user",
          "group_add",
          "volumes",
          "volumes_from",
          "log_tag",
          "cpu_shares",
          "mem_limit",
          "memswap_limit",
          "mem_swappiness",
          "security_opt",
          "stop_signal",
          "stop_grace_period",
          "cap_add",
          "cap_drop",
          "image",
          "command",
          "hostname",
          "extra_hosts",
          "cpuset_cpus",
          "action",
          "start_order",
          "exit_codes",
          // understood by paunch's podman runtime only; accepted without a warning
          "depends_on",
          "systemd_exec_flags",
          "check_interval");

  private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Pattern RESTART =
      Pattern.compile("no|always|unless-stopped|on-failure(:\\d+)?");
  private static final Pattern NO_SPACE = Pattern.compile("\\S+");

  private ContainerSpecParser() {}

  /** Returns null when the entry has errors; they are in {@code problems}. */
  static @Nullable ContainerSpec parse(
      String name,
      JsonNode entry,
      Problems problems,
      Function<String, @Nullable SourceLocation> locator) {
    EntryReader reader = new EntryReader(name, entry, problems, locator);
    int errorsBefore = countErrors(problems);
    if (!CONTAINER_NAME.matcher(name).matches()) {
      reader.error(
          "",
          "is not a valid container name (letters, digits, '_', '.', '-'; at least 2 characters, starting with a letter or digit)");
    }
    if (!entry.isObject()) {
      reader.error("", "must be a mapping of options, not " + EntryReader.describe(entry));
      return null;
    }
    warnUnknownKeys(reader, entry);
    rejectBinary(reader, entry, "");
    EntryAction action = action(reader);
    Long startOrder = reader.integer("start_order", Integer.MIN_VALUE, Integer.MAX_VALUE);
    Set<Integer> exitCodes = exitCodes(reader);
    String image = image(reader, action);
    List<String> command = reader.command("command");
    if (action == EntryAction.EXEC && command.isEmpty()) {
      reader.error(
          "command", "is required for action 'exec': its first word names the container to run in");
    }
    ProcessOptions process = process(reader);
    HostOptions host = HostOptionsParser.host(reader);
    ResourceOptions resources = HostOptionsParser.resources(reader);
    if (countErrors(problems) > errorsBefore) {
      return null;
    }
    return new ContainerSpec(
        name,
        (ObjectNode) entry,
        action,
        startOrder == null ? 0 : startOrder.intValue(),
        exitCodes,
        image,
        command,
        process,
        host,
        resources);
  }

  private static int countErrors(Problems problems) {
    return (int) problems.all().stream().filter(problem -> problem.isError()).count();
  }

  private static void warnUnknownKeys(EntryReader reader, JsonNode entry) {
    Iterator<String> keys = entry.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!KNOWN_KEYS.contains(key)) {
        reader.warning(key, "unknown key, ignored (it is still stored in the config_data label)");
      }
    }
  }

  /** Python's json.dumps cannot write {@code !!binary} values, so neither can the label. */
  private static void rejectBinary(EntryReader reader, JsonNode node, String path) {
    if (node.isBinary()) {
      reader.error(path, "binary values cannot be stored in the config_data label");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      rejectBinary(
          reader, field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      rejectBinary(reader, node.get(i), path + "[" + i + "]");
    }
  }

  private static EntryAction action(EntryReader reader) {
    String action = reader.scalar("action");
    if (action == null || action.equals("run")) {
      return EntryAction.RUN;
    }
    if (action.equals("exec")) {
      return EntryAction.EXEC;
    }
    reader.error("action", "must be 'run' or 'exec', not '" + action + "'");
    return EntryAction.RUN;
  }

  private static Set<Integer> exitCodes(EntryReader reader) {
    JsonNode value = reader.value("exit_codes");
    if (value == null || value.isNull()) {
      return Set.of(0);
    }
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    Set<Integer> codes = new LinkedHashSet<>();
    for (JsonNode item : items) {
      if (item.isIntegralNumber() && item.canConvertToInt()) {
        codes.add(item.intValue());
      } else {
        reader.error(
            "exit_codes", "must be a list of integers, not " + EntryReader.describe(value));
        return Set.of(0);
      }
    }
    return codes;
  }

  private static @Nullable String image(EntryReader reader, EntryAction action) {
    String image = reader.scalar("image");
    if (image == null) {
      if (action == EntryAction.RUN && !reader.has("image")) {
        reader.error("image", "is required: name the image to run, e.g. image: busybox:1");
      } else if (action == EntryAction.RUN) {
        reader.error("image", "must be an image name, not null");
      }
      return null;
    }
    if (!NO_SPACE.matcher(image).matches()) {
      reader.error("image", "is not a valid image reference: '" + image + "'");
    }
    return image;
  }

  private static ProcessOptions process(EntryReader reader) {
    return new ProcessOptions(
        reader.flag("detach", true),
        reader.flag("remove", false),
        reader.flag("interactive", false),
        reader.flag("tty", false),
        reader.scalar("user"),
        reader.textList("env_file"),
        reader.environment("environment"),
        restart(reader),
        HealthcheckParser.parse(reader),
        reader.scalar("stop_signal"),
        stopTimeout(reader),
        reader.scalar("log_tag"));
  }

  /** A bare YAML {@code no} is the boolean false; paunch then passed "False" to docker. */
  private static @Nullable String restart(EntryReader reader) {
    JsonNode value = reader.value("restart");
    if (value != null && value.isBoolean() && !value.booleanValue()) {
      return "no";
    }
    String restart = reader.scalar("restart");
    if (restart != null && !RESTART.matcher(restart).matches()) {
      reader.error(
          "restart",
          "must be one of no, always, unless-stopped, on-failure[:N], not '" + restart + "'");
      return null;
    }
    return restart;
  }

  private static @Nullable Integer stopTimeout(EntryReader reader) {
    JsonNode number = reader.value("stop_grace_period");
    if (number != null && number.isNumber()) {
      return (int) Math.ceil(number.doubleValue());
    }
    String text = reader.scalar("stop_grace_period");
    if (text == null) {
      return null;
    }
    var nanos = Durations.toNanos(text);
    if (nanos.isEmpty()) {
      reader.error(
          "stop_grace_period",
          "must be a number of seconds or a duration like 1m30s, not '" + text + "'");
      return null;
    }
    return (int) Math.ceil(nanos.getAsLong() / 1e9);
  }
}
