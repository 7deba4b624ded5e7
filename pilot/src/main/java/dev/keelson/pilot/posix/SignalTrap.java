package dev.keelson.pilot.posix;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Installs Java handlers for signals through {@code sun.misc.Signal} (module jdk.unsupported). As
 * PID 1 a signal with the default disposition is dropped by the kernel, and the JVM's own
 * TERM/INT/HUP handlers would run shutdown hooks instead of our sequence, so every signal the pilot
 * cares about gets a handler that only hands the signal to {@code sink} (which must not block: it
 * runs on the JVM's signal dispatcher thread).
 *
 * <p>The API is reached reflectively: javac's "internal proprietary API" warning for it cannot be
 * suppressed under {@code --release}, and the build treats warnings as errors. This class is still
 * the only place that touches it.
 *
 * <p>SIGQUIT cannot be trapped: HotSpot reserves it for thread dumps. Never run the JVM with {@code
 * -Xrs}: it disables the dispatcher and no handler would ever run.
 */
public final class SignalTrap {

  /** Every catchable signal the pilot handles or forwards (Linux names, without "SIG"). */
  public static final List<String> HANDLED =
      List.of(
          "TERM", "INT", "HUP", "USR1", "USR2", "WINCH", "CONT", "TSTP", "TTIN", "TTOU", "ALRM",
          "PIPE", "PWR", "XCPU", "XFSZ", "VTALRM", "PROF", "URG", "IO", "CHLD");

  private static final Api API = Api.load();

  private SignalTrap() {}

  /**
   * Installs a handler for each of {@code names}.
   *
   * @return the names the JVM refused (QUIT, or TERM/INT/HUP under {@code -Xrs})
   */
  public static List<String> install(List<String> names, Consumer<TrappedSignal> sink) {
    List<String> refused = new ArrayList<>();
    for (String name : names) {
      try {
        API.handle(name, sink);
      } catch (IllegalArgumentException e) {
        refused.add(name);
      }
    }
    return refused;
  }

  /** The number of {@code name} on this platform, e.g. 15 for TERM. */
  public static int number(String name) {
    return API.number(API.signal(name));
  }

  /** The reflective handles, looked up once. */
  private record Api(
      Class<?> handlerType, Constructor<?> newSignal, Method handle, Method getNumber) {

    static Api load() {
      try {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        return new Api(
            handlerType,
            signalType.getConstructor(String.class),
            signalType.getMethod("handle", signalType, handlerType),
            signalType.getMethod("getNumber"));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            "sun.misc.Signal is not available (module jdk.unsupported)", e);
      }
    }

    Object signal(String name) {
      try {
        return newSignal.newInstance(name);
      } catch (InvocationTargetException e) {
        throw unwrap(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("sun.misc.Signal failed", e);
      }
    }

    int number(Object signal) {
      try {
        return (Integer) getNumber.invoke(signal);
      } catch (InvocationTargetException e) {
        throw unwrap(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("sun.misc.Signal failed", e);
      }
    }

    void handle(String name, Consumer<TrappedSignal> sink) {
      Object signal = signal(name);
      TrappedSignal trapped = new TrappedSignal(name, number(signal));
      Object handler =
          Proxy.newProxyInstance(
              SignalTrap.class.getClassLoader(),
              new Class<?>[] {handlerType},
              new Forwarder(trapped, sink));
      try {
        handle.invoke(null, signal, handler);
      } catch (InvocationTargetException e) {
        throw unwrap(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("sun.misc.Signal failed", e);
      }
    }

    /** The JVM refuses a signal with IllegalArgumentException; pass that through as is. */
    private static RuntimeException unwrap(InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) {
        return refused;
      }
      return new IllegalStateException("sun.misc.Signal failed", e.getCause());
    }
  }

  /** The handler object: a class, not a lambda, because it is created before the app starts. */
  private static final class Forwarder implements InvocationHandler {
    private final TrappedSignal trapped;
    private final Consumer<TrappedSignal> sink;

    Forwarder(TrappedSignal trapped, Consumer<TrappedSignal> sink) {
      this.trapped = trapped;
      this.sink = sink;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) {
      return switch (method.getName()) {
        case "handle" -> {
          sink.accept(trapped);
          yield null;
        }
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> args != null && args.length == 1 && args[0] == proxy;
        default -> "SignalTrap handler for SIG" + trapped.name();
      };
    }
  }
}
