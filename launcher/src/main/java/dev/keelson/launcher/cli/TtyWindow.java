package dev.keelson.launcher.cli;

import dev.keelson.launcher.engine.TerminalWindow;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The controlling terminal's window: its size from {@code stty size}, its changes from SIGWINCH,
 * which the kernel sends to the terminal's foreground processes when the window is resized.
 *
 * <p>The handler goes through {@code sun.misc.Signal} (module jdk.unsupported), reached
 * reflectively: javac's "internal proprietary API" warning for it cannot be suppressed under {@code
 * --release}, and the build treats warnings as errors. It runs on the JVM's signal dispatcher
 * thread, so it only hands the news to a thread of this window's own.
 */
final class TtyWindow implements TerminalWindow {

  @Override
  public Optional<Size> size() {
    try {
      return parse(RawTerminal.stty("size"));
    } catch (CliFailure e) {
      LoggerFactory.getLogger(TtyWindow.class).debug("the terminal's size is unknown", e);
      return Optional.empty();
    }
  }

  /**
   * {@code stty size}'s answer, "rows columns"; empty for anything else, and for 0 0 (a
   * pseudo-terminal whose size nobody has set, where the engine's default is as good).
   */
  static Optional<Size> parse(String sttySize) {
    String text = sttySize.strip();
    int space = text.indexOf(' ');
    try {
      if (space > 0) {
        int rows = Integer.parseInt(text.substring(0, space));
        int columns = Integer.parseInt(text.substring(space + 1).strip());
        return rows > 0 && columns > 0 ? Optional.of(new Size(rows, columns)) : Optional.empty();
      }
    } catch (NumberFormatException e) {
      // not a size
    }
    return Optional.empty();
  }

  @Override
  public Registration follow(Runnable listener) {
    ExecutorService notifier =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "terminal-resize");
              thread.setDaemon(true);
              return thread;
            });
    Runnable onSignal =
        () -> {
          try {
            notifier.execute(listener);
          } catch (RejectedExecutionException closed) {
            // a resize after the session ended: nothing to tell
          }
        };
    @Nullable Object previous = Winch.handle(onSignal);
    // the first call goes through the same thread as the later ones, so they keep their order
    onSignal.run();
    return () -> {
      Winch.restore(previous);
      // a resize still queued or running is for a container that has exited: not wanted now
      notifier.shutdownNow();
    };
  }

  /** SIGWINCH through sun.misc.Signal, reflectively (see the class comment). */
  private static final class Winch {

    /**
     * Installs {@code handler}; returns the handler it replaced (to restore), or null when the JVM
     * offers no signal handling, in which case changes of size are not followed.
     */
    static @Nullable Object handle(Runnable handler) {
      try {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        Object proxy =
            Proxy.newProxyInstance(
                TtyWindow.class.getClassLoader(),
                new Class<?>[] {handlerType},
                (self, method, args) -> dispatch(self, method, args, handler));
        return install(signalType, handlerType, proxy);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LoggerFactory.getLogger(TtyWindow.class)
            .debug("SIGWINCH cannot be handled: the TTY keeps its first size", e);
        return null;
      }
    }

    static void restore(@Nullable Object previous) {
      if (previous == null) {
        return;
      }
      try {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        install(signalType, Class.forName("sun.misc.SignalHandler"), previous);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LoggerFactory.getLogger(TtyWindow.class).debug("SIGWINCH handler not restored", e);
      }
    }

    private static Object install(Class<?> signalType, Class<?> handlerType, Object handler)
        throws ReflectiveOperationException {
      Object winch = signalType.getConstructor(String.class).newInstance("WINCH");
      Method handle = signalType.getMethod("handle", signalType, handlerType);
      return handle.invoke(null, winch, handler);
    }

    private static @Nullable Object dispatch(
        Object self, Method method, Object @Nullable [] args, Runnable handler) {
      return switch (method.getName()) {
        case "handle" -> {
          handler.run();
          yield null;
        }
        case "hashCode" -> System.identityHashCode(self);
        case "equals" -> args != null && self == args[0];
        default -> "SIGWINCH handler";
      };
    }
  }
}
