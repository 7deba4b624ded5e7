package dev.keelson.launcher.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;

/** Collects an exec's output, split by stream. */
final class OutputCollector extends ResultCallback.Adapter<Frame> {
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();

  @Override
  public synchronized void onNext(Frame frame) {
    String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
    (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).append(text);
  }

  synchronized String stdout() {
    return stdout.toString();
  }

  synchronized String stderr() {
    return stderr.toString();
  }
}
