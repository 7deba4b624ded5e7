package dev.keelson.launcher.cli;

import org.jspecify.annotations.Nullable;

/**
 * Sets slf4j-simple's levels from paunch's verbosity, before the first logger exists (slf4j-simple
 * reads its configuration once per process): WARNING by default, INFO with {@code -v}, DEBUG with
 * {@code -vv} or {@code --debug}, as paunch's level arithmetic works out.
 */
final class LogSetup {

  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private LogSetup() {}

  static void configure(int verbosity, boolean debug, @Nullable String logFile) {
    int level = verbosity + (debug ? 3 : 0);
    String name = level > 2 ? "debug" : level == 2 ? "info" : "warn";
    System.setProperty(PREFIX + "defaultLogLevel", name);
    System.setProperty(PREFIX + "showThreadName", "false");
    System.setProperty(PREFIX + "showLogName", "false");
    System.setProperty(PREFIX + "levelInBrackets", "false");
    // docker-java and its HTTP client report our own failures a second time, at ERROR
    System.setProperty(PREFIX + "log.com.github.dockerjava", debug ? "info" : "off");
    System.setProperty(PREFIX + "log.org.apache.hc", debug ? "info" : "off");
    if (logFile != null) {
      System.setProperty(PREFIX + "logFile", logFile);
      System.setProperty(PREFIX + "showDateTime", "true");
      System.setProperty(PREFIX + "dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }
  }
}
