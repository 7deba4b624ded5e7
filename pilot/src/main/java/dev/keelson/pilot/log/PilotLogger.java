package dev.keelson.pilot.log;

import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that writes through {@link PilotLogging}. */
final class PilotLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  PilotLogger(String name) {
    this.name = name;
  }

  @Override
  public boolean isTraceEnabled() {
    return PilotLogging.enabled(Level.TRACE.toInt());
  }

  @Override
  public boolean isDebugEnabled() {
    return PilotLogging.enabled(Level.DEBUG.toInt());
  }

  @Override
  public boolean isInfoEnabled() {
    return PilotLogging.enabled(Level.INFO.toInt());
  }

  @Override
  public boolean isWarnEnabled() {
    return PilotLogging.enabled(Level.WARN.toInt());
  }

  @Override
  public boolean isErrorEnabled() {
    return PilotLogging.enabled(Level.ERROR.toInt());
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return PilotLogger.class.getName();
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level,
      @Nullable Marker marker,
      String messagePattern,
      @Nullable Object[] arguments,
      @Nullable Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    PilotLogging.write(level.toInt(), message, throwable);
  }
}
