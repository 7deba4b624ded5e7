package dev.keelson.launcher.cli;

import java.util.regex.Pattern;

/** Writes a string the way PyYAML would: plain when that reads back as the same string. */
final class YamlScalars {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_./:=@ -]*");
  private static final Pattern RESOLVES_TO_OTHER =
      Pattern.compile(
          "(?i)y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9][0-9_:.]*([eE][-+]?[0-9]+)?");

  private YamlScalars() {}

  static String plainOrQuoted(String text) {
    boolean plain =
        PLAIN.matcher(text).matches()
            && !RESOLVES_TO_OTHER.matcher(text).matches()
            && !text.endsWith(" ")
            && !text.contains(": ")
            && !text.contains(" #");
    return plain ? text : "'" + text.replace("'", "''") + "'";
  }
}
