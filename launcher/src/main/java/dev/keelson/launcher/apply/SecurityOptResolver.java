package dev.keelson.launcher.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keelson.config.problem.Problems;
import dev.keelson.launcher.spec.ContainerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns {@code security_opt} into what the docker CLI sends: {@code seccomp=<file>} names a profile
 * on the client's side, which the CLI reads and sends as compact JSON ({@code
 * seccomp={"defaultAction":...}}); the engine never sees the path. {@code seccomp=unconfined} and
 * {@code seccomp=builtin} are names the engine knows and are sent as they are, as is every other
 * option. The file is read here, before the first change, so a missing or broken profile stops the
 * run with nothing changed.
 */
final class SecurityOptResolver {

  /** The profile names the engine resolves itself (the docker CLI's special cases). */
  private static final Set<String> BUILT_IN_PROFILES = Set.of("unconfined", "builtin");

  private static final ObjectReader STRICT_JSON =
      new ObjectMapper()
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SecurityOptResolver() {}

  static List<String> resolve(ContainerSpec spec, Problems problems) {
    List<String> resolved = new ArrayList<>();
    for (String option : spec.host().securityOpt()) {
      resolved.add(resolve(spec.name(), option, problems));
    }
    return resolved;
  }

  private static String resolve(String entry, String option, Problems problems) {
    // The docker CLI splits on the first '=', or on the first ':' when there is none.
    int equals = option.indexOf('=');
    int separator = equals >= 0 ? equals : option.indexOf(':');
    if (separator < 0 || !option.substring(0, separator).equals("seccomp")) {
      return option;
    }
    String value = option.substring(separator + 1);
    if (value.isEmpty() || BUILT_IN_PROFILES.contains(value)) {
      return option;
    }
    Path file = Path.of(value);
    String key = entry + ".security_opt";
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      problems.error(key, "cannot read seccomp profile " + file + ": " + why, null);
      return option;
    }
    try {
      STRICT_JSON.readValue(text);
    } catch (JsonProcessingException e) {
      problems.error(
          key, "seccomp profile " + file + " is not JSON: " + e.getOriginalMessage(), null);
      return option;
    }
    return "seccomp=" + compact(text);
  }

  /**
   * Valid JSON without the whitespace between tokens, as Go's {@code json.Compact} (which the
   * docker CLI uses) writes it: strings and numbers are kept byte for byte.
   */
  static String compact(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
