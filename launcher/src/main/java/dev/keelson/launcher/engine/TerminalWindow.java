package dev.keelson.launcher.engine;

import java.util.Optional;

/**
 * The terminal a container's TTY is shown on ({@code debug --interactive}): its size, so that
 * programs in the container lay out their output for it, and news of each change, which {@code
 * docker run -it} passes on too.
 */
public interface TerminalWindow {

  /** No terminal, or none whose size can be read: the engine's default TTY size stays. */
  TerminalWindow NONE =
      new TerminalWindow() {
        @Override
        public Optional<Size> size() {
          return Optional.empty();
        }

        @Override
        public Registration follow(Runnable listener) {
          return () -> {};
        }
      };

  /** The size now; empty when it cannot be read. */
  Optional<Size> size();

  /**
   * Calls {@code listener} once now and again each time the window changes size, until the
   * registration is closed. The calls come one after another on a thread of the window's own, which
   * may make engine calls (never a signal dispatcher), so the last call always sees the last size.
   * A window without a size never calls.
   */
  Registration follow(Runnable listener);

  /** A {@link #follow} listener's registration. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** A terminal's size in character cells. */
  record Size(int rows, int columns) {}
}
