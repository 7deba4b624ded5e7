package dev.keelson.launcher.engine;

/** Hears the progress of image pulls, e.g. to show it to the user. */
public interface PullListener {

  PullListener NONE =
      new PullListener() {
        @Override
        public void progress(PullEvent event) {}

        @Override
        public void finished(String image, boolean succeeded) {}
      };

  void progress(PullEvent event);

  /** Called once per pull, after its last event. */
  void finished(String image, boolean succeeded);
}
