package dev.keelson.launcher.engine;

import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;

/**
 * Turns docker-java's pull stream into {@link PullEvent}s, keeping the base callback's error
 * handling (a stream that ends in an error message fails the pull).
 */
final class ProgressCallback extends PullImageResultCallback {

  private final String image;
  private final PullListener listener;

  ProgressCallback(String image, PullListener listener) {
    this.image = image;
    this.listener = listener;
  }

  @Override
  public void onNext(PullResponseItem item) {
    String status = item.getStatus();
    if (status == null) {
      // podman ends a failed pull with an item that has an error and no status, which the base
      // callback cannot read (it matches every status against a pattern)
      if (item.isErrorIndicated()) {
        throw new DockerClientException(errorOf(item));
      }
      return;
    }
    super.onNext(item);
    ResponseItem.ProgressDetail detail = item.getProgressDetail();
    long current = detail == null || detail.getCurrent() == null ? 0 : detail.getCurrent();
    long total = detail == null || detail.getTotal() == null ? 0 : detail.getTotal();
    listener.progress(new PullEvent(image, item.getId(), status, current, total));
  }

  private static String errorOf(PullResponseItem item) {
    ResponseItem.ErrorDetail detail = item.getErrorDetail();
    if (detail != null && detail.getMessage() != null) {
      return detail.getMessage();
    }
    return "the engine reported a failed pull without saying why";
  }
}
