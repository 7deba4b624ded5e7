package dev.keelson.config.load;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a config and the name to report it by.
 *
 * @param name what the user calls it: the path as given, {@code <inline>}, ...
 * @param format the syntax, from the file extension or the first character
 */
public record ConfigSource(String name, String text, Format format) {

  /**
   * Reads a UTF-8 file; an unreadable file is a config problem naming the path, not an IOException.
   */
  public static ConfigSource read(Path path) throws ConfigException {
    String name = path.toString();
    try {
      byte[] bytes = Files.readAllBytes(path);
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return new ConfigSource(name, text, detect(name, text));
    } catch (NoSuchFileException e) {
      throw unreadable(name, "no such file");
    } catch (CharacterCodingException e) {
      throw unreadable(name, "not valid UTF-8 text");
    } catch (IOException e) {
      String reason = e.getMessage();
      throw unreadable(name, reason != null ? reason : e.getClass().getSimpleName());
    }
  }

  /** A source given as text, e.g. an inline {@code -config} value. */
  public static ConfigSource of(String name, String text) {
    return new ConfigSource(name, text, detect(name, text));
  }

  /**
   * {@code .json} means JSON, {@code .yml}/{@code .yaml} YAML; otherwise a leading '{' or '[' means
   * JSON.
   */
  static Format detect(String name, String text) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return Format.JSON;
    }
    if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
      return Format.YAML;
    }
    String start = text.stripLeading();
    return start.startsWith("{") || start.startsWith("[") ? Format.JSON : Format.YAML;
  }

  private static ConfigException unreadable(String name, String reason) {
    return new ConfigException(ConfigProblem.error(name, "", "cannot read file: " + reason, null));
  }
}
