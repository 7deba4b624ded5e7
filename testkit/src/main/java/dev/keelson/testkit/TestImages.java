package dev.keelson.testkit;

/**
 * Names of the locally built images (scripts/build-images.sh). Nothing can be pulled, so tests use
 * only these; the prefix comes from the build ({@code keelson.image.prefix}).
 */
public final class TestImages {

  private TestImages() {}

  /** busybox-static and tini-static FROM scratch; about 2 MB. */
  public static String busybox() {
    return prefix() + "/busybox:1";
  }

  /** A jlinked JDK 17 runtime with busybox; the base of the pilot image. */
  public static String jre() {
    return prefix() + "/jre17:1";
  }

  public static String prefix() {
    return System.getProperty("keelson.image.prefix", "keelson");
  }
}
