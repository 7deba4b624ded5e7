package dev.keelson.launcher.engine;

import com.github.dockerjava.api.command.PullImageResultCallback;
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
    super.onNext(item);
    String status = item.getStatus();
    if (status == null) {
      return;
    }
    ResponseItem.ProgressDetail detail = item.getProgressDetail();
    long current = detail == null || detail.getCurrent() == null ? 0 : detail.getCurrent();
    long total = detail == null || detail.getTotal() == null ? 0 : detail.getTotal();
    listener.progress(new PullEvent(image, item.getId(), status, current, total));
  }
}
